using System.Text;

namespace SiteGen.Markdown.Comments;

/// <summary>
/// Removes Obsidian <c>%% … %%</c> comments before the text reaches Markdig, so nothing inside one can reach
/// any output. This is a text pass on purpose, not a Markdig extension: a comment may span blocks.
/// </summary>
/// <remarks>
/// <c>%%</c> inside fenced code blocks and one-line inline code spans is left alone. Every newline of a
/// removed comment is kept, so line numbers stay right. An unclosed <c>%%</c> comments out the rest of the
/// note. Where the scan is unsure whether something is code (an inline code span over several lines, a
/// fence on a list marker's line), it treats it as text and strips: removing too much beats leaking.
/// </remarks>
public static class CommentStripper
{
    /// <summary>Returns <paramref name="markdown"/> without its comments, line breaks kept.</summary>
    public static string Strip(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (!markdown.Contains("%%", StringComparison.Ordinal)) return markdown;

        var output = new StringBuilder(markdown.Length);
        var position = 0;
        while (position < markdown.Length)
        {
            if (IsLineStart(markdown, position) && Fence.TryOpen(markdown, position, out var fence))
            {
                position = CopyFencedBlock(markdown, position, fence, output);
                continue;
            }

            var c = markdown[position];
            if (c == '`')
            {
                position = CopyBackticks(markdown, position, output);
            }
            else if (c == '%' && position + 1 < markdown.Length && markdown[position + 1] == '%')
            {
                var close = markdown.IndexOf("%%", position + 2, StringComparison.Ordinal);
                var end = close < 0 ? markdown.Length : close + 2;
                KeepLineBreaks(markdown, position, end, output);
                position = end;
            }
            else
            {
                output.Append(c);
                position++;
            }
        }
        return output.ToString();
    }

    private static bool IsLineStart(string text, int position) => position == 0 || text[position - 1] == '\n';

    private static void KeepLineBreaks(string text, int start, int end, StringBuilder output)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is '\n' or '\r') output.Append(text[i]);
        }
    }

    /// <summary>Copies the opening fence line and the block's lines up to and including its closing fence.</summary>
    private static int CopyFencedBlock(string text, int position, Fence fence, StringBuilder output)
    {
        position = CopyLine(text, position, output);
        while (position < text.Length)
        {
            var line = LineAt(text, position);
            if (fence.IsEndedBy(line)) break;
            position = CopyLine(text, position, output);
            if (fence.IsClosedBy(line)) break;
        }
        return position;
    }

    private static ReadOnlySpan<char> LineAt(string text, int position)
    {
        var newline = text.IndexOf('\n', position);
        return text.AsSpan(position, (newline < 0 ? text.Length : newline) - position).TrimEnd('\r');
    }

    private static int CopyLine(string text, int position, StringBuilder output)
    {
        var newline = text.IndexOf('\n', position);
        var end = newline < 0 ? text.Length : newline + 1;
        output.Append(text, position, end - position);
        return end;
    }

    /// <summary>
    /// Copies a code span verbatim when a closing run of the same length follows on the same line;
    /// otherwise copies just the backticks, which are then plain text.
    /// </summary>
    private static int CopyBackticks(string text, int position, StringBuilder output)
    {
        var runEnd = position;
        while (runEnd < text.Length && text[runEnd] == '`') runEnd++;
        var length = runEnd - position;

        var i = runEnd;
        while (i < text.Length && text[i] != '\n')
        {
            if (text[i] != '`') { i++; continue; }
            var closeEnd = i;
            while (closeEnd < text.Length && text[closeEnd] == '`') closeEnd++;
            if (closeEnd - i == length)
            {
                output.Append(text, position, closeEnd - position);
                return closeEnd;
            }
            i = closeEnd;
        }

        output.Append(text, position, length);
        return runEnd;
    }
}
