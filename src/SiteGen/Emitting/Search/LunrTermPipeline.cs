using System.Collections.Concurrent;

namespace SiteGen.Emitting.Search;

/// <summary>
/// The indexing pipeline trimmer → stopWordFilter → stemmer (the stemmer only when <c>stem</c> is true), memoised per
/// distinct raw (lowercased) token. Thread-safe; a corpus has far fewer distinct tokens than tokens.
/// </summary>
internal sealed class LunrTermPipeline
{
    private readonly bool _stem;
    private readonly ConcurrentDictionary<string, string?> _cache;
    private readonly ConcurrentDictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private readonly ConcurrentDictionary<string, string> _interned;

    /// <param name="stem">Whether the stemmer runs.</param>
    /// <param name="interned">Shared term table, so that equal terms are the same string instance (compared by reference).</param>
    public LunrTermPipeline(bool stem, ConcurrentDictionary<string, string>? interned = null)
    {
        _stem = stem;
        _interned = interned ?? new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        _cache = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The term for a raw token, or null when the stop-word filter drops it. A token the trimmer empties gives <c>""</c>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public string? Run(ReadOnlySpan<char> rawToken)
    {
        if (_lookup.TryGetValue(rawToken, out string? term))
        {
            return term;
        }

        term = Compute(rawToken, _stem);
        if (term is not null)
        {
            term = _interned.GetOrAdd(term, term);
        }

        // A racing thread may add the same raw token first; its term is the same interned instance.
        _lookup.TryAdd(rawToken, term);
        return term;
    }

    /// <summary>The uncached pipeline, for tests and one-off use.</summary>
    public static string? Compute(ReadOnlySpan<char> rawToken, bool stem)
    {
        ReadOnlySpan<char> trimmed = LunrTrimmer.Trim(rawToken);
        if (LunrStopWords.Contains(trimmed))
        {
            return null;
        }

        string text = trimmed.Length == 0 ? string.Empty : trimmed.ToString();
        return stem ? LunrStemmer.Stem(text) : text;
    }
}
