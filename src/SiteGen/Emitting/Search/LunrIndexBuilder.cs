using System.Runtime.InteropServices;

namespace SiteGen.Emitting.Search;

/// <summary>
/// Builds a lunr 2.3.9 index and serializes it exactly like <c>JSON.stringify(builder.build())</c> (SEARCH.md §1).
/// The metadata whitelist is always empty; the search pipeline is always <c>["stemmer"]</c>.
/// </summary>
internal sealed class LunrIndexBuilder
{
    private const double MaxSafeBoost = 1e9;

    private readonly LunrField[] _fields;
    private readonly double _k1;
    private readonly double _b;

    public LunrIndexBuilder(IReadOnlyList<LunrField> fields, double k1 = 1.2, double b = 0.75)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            throw new ArgumentException("At least one field is needed.", nameof(fields));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (LunrField field in fields)
        {
            if (field.Name.Contains('/'))
            {
                throw new ArgumentException($"Field '{field.Name}' contains '/', which lunr rejects.", nameof(fields));
            }

            if (field.Name == "_index" || IsCanonicalArrayIndex(field.Name))
            {
                throw new ArgumentException($"Field name '{field.Name}' would change the posting's key order.", nameof(fields));
            }

            if (!names.Add(field.Name))
            {
                throw new ArgumentException($"Field '{field.Name}' is configured twice.", nameof(fields));
            }

            CheckBoost(field.Boost, nameof(fields));
        }

        if (!double.IsFinite(k1))
        {
            throw new ArgumentOutOfRangeException(nameof(k1));
        }

        _fields = [.. fields];
        _k1 = k1;
        _b = double.IsNaN(b) ? throw new ArgumentOutOfRangeException(nameof(b)) : Math.Clamp(b, 0, 1);
    }

    public IReadOnlyList<LunrField> Fields => _fields;

    /// <summary>BM25 term-frequency saturation.</summary>
    public double K1 => _k1;

    /// <summary>BM25 length normalisation, clamped to [0, 1] like lunr.</summary>
    public double B => _b;

    /// <summary>Adds <paramref name="documents"/> in order (tokenizing them in parallel) and returns the serialized index.</summary>
    public LunrBuildResult Build(IReadOnlyList<LunrDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        int fieldCount = _fields.Length;
        int docCount = documents.Count;
        Validate(documents);

        var interned = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var stemmed = new LunrTermPipeline(stem: true, interned);
        var unstemmed = new LunrTermPipeline(stem: false, interned);
        var fieldTerms = new LunrFieldTerms[docCount * fieldCount];
        Parallel.For(0, docCount, () => new LunrFieldCounter(stemmed, unstemmed), (d, _, counter) =>
        {
            LunrDocument doc = documents[d];
            for (int f = 0; f < fieldCount; f++)
            {
                fieldTerms[(d * fieldCount) + f] = counter.Count(doc.Values[f], _fields[f].Stemmed);
            }

            return counter;
        }, _ => { });

        // Term indexes follow first appearance in add order, so this pass is sequential.
        var terms = new Dictionary<string, LunrTermEntry>(ReferenceEqualityComparer.Instance); // terms are interned
        var byIndex = new List<LunrTermEntry>();
        var termIndexes = new int[fieldTerms.Length][];
        var lengthSums = new long[fieldCount];
        long postings = 0;
        for (int d = 0; d < docCount; d++)
        {
            for (int f = 0; f < fieldCount; f++)
            {
                int slot = (d * fieldCount) + f;
                LunrFieldTerms ft = fieldTerms[slot];
                lengthSums[f] += ft.Length;
                var indexes = new int[ft.Terms.Length];
                for (int j = 0; j < indexes.Length; j++)
                {
                    ref LunrTermEntry? entry = ref CollectionsMarshal.GetValueRefOrAddDefault(terms, ft.Terms[j], out bool exists);
                    if (!exists)
                    {
                        entry = new LunrTermEntry(ft.Terms[j], byIndex.Count, fieldCount);
                        byIndex.Add(entry);
                    }

                    entry!.Add(f, d);
                    indexes[j] = entry.Index;
                }

                postings += indexes.Length;
                termIndexes[slot] = indexes;
            }
        }

        var idf = new double[byIndex.Count];
        foreach (LunrTermEntry entry in byIndex)
        {
            double x = (docCount - entry.PairCount + 0.5) / (entry.PairCount + 0.5);
            idf[entry.Index] = Math.Log(1 + Math.Abs(x));
        }

        var averageLength = new double[fieldCount];
        for (int f = 0; f < fieldCount; f++)
        {
            averageLength[f] = lengthSums[f] / (double)docCount;
        }

        var scores = new double[fieldTerms.Length][];
        Parallel.For(0, docCount, d =>
        {
            double docBoost = BoostOrOne(documents[d].Boost);
            for (int f = 0; f < fieldCount; f++)
            {
                int slot = (d * fieldCount) + f;
                scores[slot] = Score(fieldTerms[slot], termIndexes[slot], idf, averageLength[f], BoostOrOne(_fields[f].Boost), docBoost);
            }
        });

        var sorted = byIndex.ToArray();
        Array.Sort(sorted, (x, y) => string.CompareOrdinal(x.Term, y.Term));
        SerializedIndex json = new LunrIndexSerializer(_fields, documents, termIndexes, scores, sorted).Serialize();
        return new LunrBuildResult(json, byIndex.Count, postings);
    }

    /// <summary>lunr's BM25 vector for one field-ref, sorted by term index, each score rounded half up to 3 decimals.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private double[] Score(LunrFieldTerms ft, int[] indexes, double[] idf, double averageLength, double fieldBoost, double docBoost)
    {
        var result = new double[indexes.Length];
        for (int j = 0; j < indexes.Length; j++)
        {
            int tf = ft.Frequencies[j];

            // Same operations in the same order as lunr.Builder#createFieldVectors, so the doubles agree.
            double score = idf[indexes[j]] * ((_k1 + 1) * tf) / ((_k1 * (1 - _b + (_b * (ft.Length / averageLength)))) + tf);
            score *= fieldBoost;
            score *= docBoost;
            result[j] = Math.Round(score * 1000, MidpointRounding.AwayFromZero) / 1000;
        }

        // The client merge-joins on ascending term index; an unsorted vector silently gives wrong scores.
        Array.Sort(indexes, result);
        return result;
    }

    private void Validate(IReadOnlyList<LunrDocument> documents)
    {
        var refs = new HashSet<string>(StringComparer.Ordinal);
        foreach (LunrDocument doc in documents)
        {
            if (doc.Values.Count != _fields.Length)
            {
                throw new ArgumentException($"Document '{doc.Ref}' has {doc.Values.Count} values for {_fields.Length} fields.");
            }

            if (!refs.Add(doc.Ref))
            {
                throw new ArgumentException($"Duplicate ref '{doc.Ref}': lunr would count it twice.");
            }

            CheckBoost(doc.Boost, nameof(documents));
        }
    }

    private static void CheckBoost(double boost, string paramName)
    {
        // 0 means "no boost" (1) in lunr; negatives would need JS rounding rules for negative numbers.
        if (!double.IsFinite(boost) || boost < 0 || boost > MaxSafeBoost)
        {
            throw new ArgumentOutOfRangeException(paramName, boost, "A boost must be finite, positive and at most 1e9.");
        }
    }

    private static double BoostOrOne(double boost) => boost == 0 ? 1 : boost;

    /// <summary>JS's canonical array index: "0", or digits without a leading zero, up to 4294967294.</summary>
    internal static bool IsCanonicalArrayIndex(string s) =>
        s.Length > 0 && s.Length <= 10 && s.All(char.IsAsciiDigit) && (s == "0" || s[0] != '0')
        && ulong.Parse(s, System.Globalization.CultureInfo.InvariantCulture) <= 4294967294UL;
}
