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

        JsonStringifyWriter[] vectors = WriteChunks(_documents.Count, WriteVectors);

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
        JsonStringifyWriter[] postings = WriteChunks(_sortedTerms.Length, (w, from, to) => WriteTerms(w, from, to, refKeys, fieldKeys, rank));

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

    private static JsonStringifyWriter[] WriteChunks(int count, Action<JsonStringifyWriter, int, int> write)
    {
        int chunks = Math.Max(1, Math.Min(count, Environment.ProcessorCount * 8));
        var writers = new JsonStringifyWriter[chunks];
        Parallel.For(0, chunks, c =>
        {
            int from = (int)((long)count * c / chunks);
            int to = (int)((long)count * (c + 1) / chunks);
            var w = new JsonStringifyWriter(64 * 1024);
            write(w, from, to);
            writers[c] = w;
        });
        return writers;
    }
}
