namespace SiteGen.Emitting.Search;

/// <summary>lunr.trimmer: strips leading and trailing characters outside ASCII <c>[A-Za-z0-9_]</c> (JS non-Unicode <c>\W</c>).</summary>
internal static class LunrTrimmer
{
    /// <summary>The trimmed slice; it is empty for tokens made only of punctuation or non-ASCII letters.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> token)
    {
        int start = 0;
        while (start < token.Length && !IsWordChar(token[start]))
        {
            start++;
        }

        int end = token.Length;
        while (end > start && !IsWordChar(token[end - 1]))
        {
            end--;
        }

        return token[start..end];
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
