using System.Collections.Concurrent;

namespace SiteGen.Emitting.Search;

/// <summary>
/// The indexing pipeline lowercase → trimmer → stopWordFilter → stemmer (the stemmer only when <c>stem</c> is true).
/// A corpus has far fewer distinct tokens than tokens, so each thread keeps a <see cref="Memo"/> of the tokens it
/// has met, as written; terms are interned in a table shared by the threads.
/// </summary>
internal sealed class LunrTermPipeline
{
    private readonly bool _stem;
    private readonly ConcurrentDictionary<string, string> _interned;

    /// <param name="stem">Whether the stemmer runs.</param>
    /// <param name="interned">Shared term table, so that equal terms are the same string instance (compared by reference).</param>
    public LunrTermPipeline(bool stem, ConcurrentDictionary<string, string>? interned = null)
    {
        _stem = stem;
        _interned = interned ?? new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>A memo for one thread: lookups take no lock, and a token's case and ICU's lowercasing are paid once.</summary>
    public Memo CreateMemo() => new(this);

    /// <summary>The uncached pipeline on a lowercased token, for tests and one-off use.</summary>
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

    /// <summary>Terms by token as written; not thread-safe.</summary>
    internal sealed class Memo
    {
        private readonly LunrTermPipeline _pipeline;
        private readonly Dictionary<string, string?> _terms = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public Memo(LunrTermPipeline pipeline)
        {
            _pipeline = pipeline;
            _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>
        /// The term for a token as written in the text (not yet lowercased), or null when the stop-word filter drops it.
        /// A token the trimmer empties gives <c>""</c>.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public string? Run(ReadOnlySpan<char> token)
        {
            if (_lookup.TryGetValue(token, out string? term))
            {
                return term;
            }

            string written = token.ToString();
            term = Compute(LunrTokenizer.Lowercase(written), _pipeline._stem);
            if (term is not null)
            {
                term = _pipeline._interned.GetOrAdd(term, term);
            }

            _terms.Add(written, term);
            return term;
        }
    }
}
