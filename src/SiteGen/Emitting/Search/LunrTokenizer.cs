using System.Buffers;

namespace SiteGen.Emitting.Search;

/// <summary>lunr's tokenizer rules (SEARCH.md §1.2): JS lowercasing, then runs between JS <c>/[\s\-]/</c> separators.</summary>
internal static class LunrTokenizer
{
    // Enumerated from JS /[\s\-]/ over all 65,536 code units. Not .NET \s: NEL U+0085 is absent, BOM U+FEFF present.
    private static readonly SearchValues<char> Separators = SearchValues.Create(
        "\t\n\u000B\u000C\r \u002D\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
        + "\u2028\u2029\u202F\u205F\u3000\uFEFF");

    /// <summary>True when <paramref name="c"/> separates tokens.</summary>
    public static bool IsSeparator(char c) => Separators.Contains(c);

    /// <summary>JS <c>String.prototype.toLowerCase</c>, close enough: İ becomes i + combining dot (2 units) as in JS.</summary>
    public static string Lowercase(string text)
    {
        if (text.Contains('\u0130'))
        {
            text = text.Replace("\u0130", "i\u0307", StringComparison.Ordinal);
        }

        return text.ToLowerInvariant();
    }

    /// <summary>Finds the next token run at or after <paramref name="from"/>; false when there is none.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool NextToken(ReadOnlySpan<char> text, ref int from, out int start, out int length)
    {
        int offset = text[from..].IndexOfAnyExcept(Separators);
        if (offset < 0)
        {
            from = text.Length;
            start = length = 0;
            return false;
        }

        start = from + offset;
        int run = text[start..].IndexOfAny(Separators);
        length = run < 0 ? text.Length - start : run;
        from = start + length;
        return true;
    }

    /// <summary>
    /// The end (exclusive) of the first <paramref name="words"/> tokens of <paramref name="text"/>, for the body word cap.
    /// Separators do not depend on case, so this is the same on the raw and the lowercased text.
    /// </summary>
    public static int EndOfFirstTokens(ReadOnlySpan<char> text, int words)
    {
        int from = 0;
        int end = 0;
        for (int i = 0; i < words && NextToken(text, ref from, out int start, out int length); i++)
        {
            end = start + length;
        }

        return end;
    }
}
