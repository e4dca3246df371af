using Markdig.Helpers;

namespace SiteGen.Markdown.WikiLinks;

/// <summary>
/// Reads <c>[[Target#Fragment|Label]]</c>. Used by both the wikilink and the embed parser so the two
/// split the inner text the same way.
/// </summary>
internal static class WikiLinkSyntax
{
    /// <summary>
    /// Matches <c>[[…]]</c> starting at the current character of <paramref name="slice"/>. On success the
    /// slice is advanced past the closing <c>]]</c>; on failure it is left untouched.
    /// </summary>
    public static bool TryMatch(ref StringSlice slice, out WikiLinkParts parts)
    {
        parts = default;
        if (slice.CurrentChar != '[' || slice.PeekChar() != '[') return false;

        var text = slice.Text;
        var innerStart = slice.Start + 2;
        var end = slice.End;
        for (var i = innerStart; i <= end; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '[') return false;
            if (c != ']') continue;
            if (i + 1 > end || text[i + 1] != ']' || i == innerStart) return false;

            if (!TrySplit(text.AsSpan(innerStart, i - innerStart), out parts)) return false;
            slice.Start = i + 2;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Splits the inner text. The label separator is the first <c>|</c>; inside pipe tables authors write
    /// <c>\|</c>, so a backslash right before the separator belongs to it.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<char> inner, out WikiLinkParts parts)
    {
        parts = default;
        string? label = null;
        var pipe = inner.IndexOf('|');
        var path = inner;
        if (pipe >= 0)
        {
            path = inner[..pipe];
            if (path.EndsWith("\\", StringComparison.Ordinal)) path = path[..^1];
            var rawLabel = inner[(pipe + 1)..].Trim();
            if (!rawLabel.IsEmpty) label = rawLabel.ToString();
        }

        string? fragment = null;
        var hash = path.IndexOf('#');
        if (hash >= 0)
        {
            var rawFragment = path[(hash + 1)..].Trim();
            if (!rawFragment.IsEmpty) fragment = rawFragment.ToString();
            path = path[..hash];
        }

        var target = path.Trim().ToString();
        if (target.Length == 0 && fragment is null) return false;
        parts = new WikiLinkParts(target, fragment, label);
        return true;
    }
}
