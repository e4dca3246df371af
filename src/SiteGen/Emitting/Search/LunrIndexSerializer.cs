namespace SiteGen.Emitting.Search;

/// <summary>
/// Writes a built index as <c>JSON.stringify(lunr.Index)</c> does (SEARCH.md §1.8), in parallel chunks that are
/// kept in order: fieldVectors in add order (document, then field), invertedIndex sorted ordinally by term.
/// </summary>
internal sealed class LunrIndexSerializer
{
    private readonly LunrField[] _fields;
    private readonly IReadOnlyList<LunrDocument> _documents;
    private readonly int[][] _termIndexes;
    private readonly double[][] _scores;
    private readonly LunrTermEntry[] _sortedTerms;

    public LunrIndexSerializer(LunrField[] fields, IReadOnlyList<LunrDocument> documents, int[][] termIndexes, double[][] scores, LunrTermEntry[] sortedTerms)
    {
        _fields = fields;
        _documents = documents;
        _termIndexes = termIndexes;
        _scores = scores;
        _sortedTerms = sortedTerms;
    }

    public SerializedIndex Serialize()
    {
        var head = new JsonStringifyWriter(256);
        head.Raw("{\"version\":\"2.3.9\",\"fields\":["u8);
        for (int f = 0; f < _fields.Length; f++)
        {
            if (f > 0)
            {
                head.Raw((byte)',');
            }

            head.String(_fields[f].Name);
        }

        head.Raw("],\"fieldVectors\":["u8);

        JsonStringifyWriter[] vectors = WriteChunks(_documents.Count, VectorBytes, WriteVectors);

        var middle = new JsonStringifyWriter(32);
        middle.Raw("],\"invertedIndex\":["u8);

        byte[][] refKeys = RefKeys();
        int[]? rank = KeyRanks();
        byte[][] fieldKeys = [.. _fields.Select(f =>
        {
            var w = new JsonStringifyWriter(32);
            w.Raw((byte)',');
            w.String(f.Name);
            w.Raw(":{"u8);
            return w.WrittenSpan.ToArray();
        })];
        JsonStringifyWriter[] postings = WriteChunks(_sortedTerms.Length, (from, to) => TermBytes(from, to, refKeys, fieldKeys), (w, from, to) => WriteTerms(w, from, to, refKeys, fieldKeys, rank));

        var tail = new JsonStringifyWriter(32);
        tail.Raw("],\"pipeline\":[\"stemmer\"]}"u8);

        JsonStringifyWriter[] parts = [head, .. vectors, middle, .. postings, tail];
        return new SerializedIndex([.. parts.Select(p => p.WrittenMemory)]);
    }

    private void WriteVectors(JsonStringifyWriter w, int fromDoc, int toDoc)
    {
        int fieldCount = _fields.Length;
        for (int d = fromDoc; d < toDoc; d++)
        {
            string docRef = _documents[d].Ref;
            for (int f = 0; f < fieldCount; f++)
            {
                if (d > 0 || f > 0)
                {
                    w.Raw((byte)',');
                }

                w.Raw((byte)'[');
                w.String(_fields[f].Name + "/" + docRef);
                w.Raw(",["u8);
                int slot = (d * fieldCount) + f;
                int[] indexes = _termIndexes[slot];
                double[] scores = _scores[slot];
                for (int j = 0; j < indexes.Length; j++)
                {
                    if (j > 0)
                    {
                        w.Raw((byte)',');
                    }

                    w.Integer(indexes[j]);
                    w.Raw((byte)',');
                    w.Number(scores[j]);
                }

                w.Raw("]]"u8);
            }
        }
    }

    private void WriteTerms(JsonStringifyWriter w, int from, int to, byte[][] refKeys, byte[][] fieldKeys, int[]? rank)
    {
        for (int t = from; t < to; t++)
        {
            LunrTermEntry entry = _sortedTerms[t];
            if (t > 0)
            {
                w.Raw((byte)',');
            }

            w.Raw((byte)'[');
            w.String(entry.Term);
            w.Raw(",{\"_index\":"u8);
            w.Integer(entry.Index);
            for (int f = 0; f < _fields.Length; f++)
            {
                w.Raw(fieldKeys[f]);
                List<int>? docs = entry.Documents[f];
                if (docs is not null)
                {
                    if (rank is not null)
                    {
                        docs.Sort((x, y) => rank[x].CompareTo(rank[y]));
                    }

                    for (int i = 0; i < docs.Count; i++)
                    {
                        if (i > 0)
                        {
                            w.Raw((byte)',');
                        }

                        w.Raw(refKeys[docs[i]]);
                    }
                }

                w.Raw((byte)'}');
            }

            w.Raw("}]"u8);
        }
    }

    /// <summary>Each document's <c>"ref":{}</c> (an empty metadata map, since nothing is whitelisted).</summary>
    private byte[][] RefKeys()
    {
        var keys = new byte[_documents.Count][];
        for (int d = 0; d < keys.Length; d++)
        {
            var w = new JsonStringifyWriter(16);
            w.String(_documents[d].Ref);
            w.Raw(":{}"u8);
            keys[d] = w.WrittenSpan.ToArray();
        }

        return keys;
    }

    /// <summary>
    /// JS own-key order of a posting's ref map: canonical array-index refs ascending by value, then the others in add
    /// order. Null when that is simply add order (dense numeric refs added ascending), which needs no sorting.
    /// </summary>
    private int[]? KeyRanks()
    {
        var numeric = new List<(ulong Value, int Doc)>();
        var others = new List<int>();
        for (int d = 0; d < _documents.Count; d++)
        {
            string r = _documents[d].Ref;
            if (LunrIndexBuilder.IsCanonicalArrayIndex(r))
            {
                numeric.Add((ulong.Parse(r, System.Globalization.CultureInfo.InvariantCulture), d));
            }
            else
            {
                others.Add(d);
            }
        }

        numeric.Sort((x, y) => x.Value.CompareTo(y.Value));
        var rank = new int[_documents.Count];
        int next = 0;
        bool identity = true;
        foreach (int d in numeric.Select(n => n.Doc).Concat(others))
        {
            identity &= d == next;
            rank[d] = next++;
        }

        return identity ? null : rank;
    }

    /// <summary>
    /// Writes <paramref name="count"/> items in parallel chunks, each into a buffer of the size <paramref name="bytes"/>
    /// gives for its items: a buffer that grows copies itself into ever larger arrays, and at 10k notes those copies
    /// came to 125 MB of large objects, enough to start a full collection.
    /// </summary>
    private static JsonStringifyWriter[] WriteChunks(int count, Func<int, int, long> bytes, Action<JsonStringifyWriter, int, int> write)
    {
        int chunks = Math.Max(1, Math.Min(count, Environment.ProcessorCount * 8));
        var writers = new JsonStringifyWriter[chunks];
        Parallel.For(0, chunks, c =>
        {
            int from = (int)((long)count * c / chunks);
            int to = (int)((long)count * (c + 1) / chunks);
            var w = new JsonStringifyWriter((int)Math.Min(bytes(from, to), Array.MaxLength));
            write(w, from, to);
            writers[c] = w;
        });
        return writers;
    }

    /// <summary>
    /// About the bytes <see cref="WriteVectors"/> writes for these documents: each entry is a comma, a term index, a comma
    /// and a score of three decimals (up to 8 characters below 10,000).
    /// </summary>
    private long VectorBytes(int fromDoc, int toDoc)
    {
        long total = 0;
        for (int d = fromDoc; d < toDoc; d++)
        {
            for (int f = 0; f < _fields.Length; f++)
            {
                total += 16 + _fields[f].Name.Length + _documents[d].Ref.Length;
                foreach (int index in _termIndexes[(d * _fields.Length) + f])
                {
                    total += 10 + (index < 10 ? 1 : (int)Math.Log10(index) + 1);
                }
            }
        }

        return total;
    }

    /// <summary>About the bytes <see cref="WriteTerms"/> writes for these terms (a term's characters may take up to 3 bytes each).</summary>
    private long TermBytes(int from, int to, byte[][] refKeys, byte[][] fieldKeys)
    {
        long total = 0;
        for (int t = from; t < to; t++)
        {
            LunrTermEntry entry = _sortedTerms[t];
            total += 32 + (3L * entry.Term.Length);
            for (int f = 0; f < _fields.Length; f++)
            {
                total += fieldKeys[f].Length + 1;
                if (entry.Documents[f] is { } docs)
                {
                    foreach (int d in docs)
                    {
                        total += refKeys[d].Length + 1;
                    }
                }
            }
        }

        return total;
    }
}
