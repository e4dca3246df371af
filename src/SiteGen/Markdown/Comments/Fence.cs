namespace SiteGen.Markdown.Comments;

/// <summary>
/// An opening code fence as the comment stripper sees it: its character, its length, how many quote
/// markers precede it and how far it is indented.
/// </summary>
internal readonly record struct Fence(char Char, int Length, int QuoteDepth, int Indent)
{
    public static bool TryOpen(string text, int lineStart, out Fence fence)
    {
        fence = default;
        var newline = text.IndexOf('\n', lineStart);
        var line = text.AsSpan(lineStart, (newline < 0 ? text.Length : newline) - lineStart).TrimEnd('\r');
        var (depth, indent, restStart) = Prefix(line);
        var rest = line[restStart..];
        if (rest.Length < 3 || rest[0] is not ('`' or '~')) return false;

        var c = rest[0];
        var length = 0;
        while (length < rest.Length && rest[length] == c) length++;
        if (length < 3) return false;

        // A backtick fence's info string may not hold a backtick; "```x`" is inline code, not a fence.
        if (c == '`' && rest[length..].Contains('`')) return false;
        fence = new Fence(c, length, depth, indent);
        return true;
    }

    /// <summary>A closing fence: the same character, at least as long, nothing else on the line.</summary>
    public bool IsClosedBy(ReadOnlySpan<char> line)
    {
        var rest = line[Prefix(line).RestStart..];
        var length = 0;
        while (length < rest.Length && rest[length] == Char) length++;
        return length >= Length && rest[length..].IsWhiteSpace();
    }

    /// <summary>
    /// Whether the line lies outside the fence's container, which ends the code block without a closing fence:
    /// fewer quote markers, or a non-blank line indented less than the fence (it would close the list item).
    /// </summary>
    public bool IsEndedBy(ReadOnlySpan<char> line)
    {
        var (depth, indent, restStart) = Prefix(line);
        var rest = line[restStart..];
        if (depth < QuoteDepth) return true;
        return !rest.IsWhiteSpace() && indent < Indent;
    }

    private static (int Depth, int Indent, int RestStart) Prefix(ReadOnlySpan<char> line)
    {
        var depth = 0;
        var i = 0;
        while (true)
        {
            var j = i;
            while (j < line.Length && j - i < 3 && line[j] == ' ') j++;
            if (j < line.Length && line[j] == '>')
            {
                depth++;
                i = j + 1;
                if (i < line.Length && line[i] == ' ') i++;
                continue;
            }
            break;
        }

        var indent = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            indent += line[i] == '\t' ? 4 - indent % 4 : 1;
            i++;
        }
        return (depth, indent, i);
    }
}
