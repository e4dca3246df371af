using System.Text;
using Markdig.Helpers;

namespace SiteGen.Markdown.Callouts;

/// <summary>Reads the first line of a quote: <c>[!type]</c>, an optional fold sign, and the title.</summary>
internal static class CalloutHeader
{
    public static bool TryParse(StringSlice line, out string type, out CalloutFold fold, out StringSlice title)
    {
        type = "";
        fold = CalloutFold.None;
        title = StringSlice.Empty;

        var text = line.Text;
        var i = line.Start;
        var end = line.End;
        if (i + 1 > end || text[i] != '[' || text[i + 1] != '!') return false;

        var close = -1;
        for (var j = i + 2; j <= end; j++)
        {
            if (text[j] == ']') { close = j; break; }
            if (text[j] is '[' or '\n' or '\r') return false;
        }
        if (close < 0 || close == i + 2) return false;

        type = Sanitize(text.AsSpan(i + 2, close - i - 2));
        var rest = close + 1;
        if (rest <= end && text[rest] is '+' or '-')
        {
            fold = text[rest] == '+' ? CalloutFold.Open : CalloutFold.Closed;
            rest++;
        }

        title = new StringSlice(text, rest, end);
        title.Trim();
        return true;
    }

    /// <summary>Lowercases the type and turns every run of other characters into one <c>-</c>.</summary>
    internal static string Sanitize(ReadOnlySpan<char> raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') builder.Append(lower);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var type = builder.ToString().Trim('-');
        return type.Length == 0 ? "note" : type;
    }
}
