using System.Globalization;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using SiteGen.Markdown.WikiLinks;

namespace SiteGen.Markdown.Embeds;

/// <summary>Parses <c>![[Target#Fragment|Label]]</c>; a label of <c>300</c> or <c>300x200</c> is a size.</summary>
internal sealed class EmbedInlineParser : InlineParser
{
    public EmbedInlineParser()
    {
        OpeningCharacters = ['!'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var start = slice.Start;
        var probe = slice;
        probe.SkipChar();
        if (!WikiLinkSyntax.TryMatch(ref probe, out var parts)) return false;

        var (width, height) = ParseSize(parts.Label);
        var sourceStart = processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new EmbedInline
        {
            Target = parts.Target,
            Fragment = parts.Fragment,
            Label = parts.Label,
            Width = width,
            Height = height,
            Span = new SourceSpan(sourceStart, sourceStart + (probe.Start - start) - 1),
            Line = line,
            Column = column,
        };
        slice = probe;
        return true;
    }

    internal static (int? Width, int? Height) ParseSize(string? label)
    {
        if (label is null) return (null, null);
        var x = label.IndexOf('x', StringComparison.Ordinal);
        if (x < 0) return TryNumber(label, out var w) ? (w, null) : (null, null);
        return TryNumber(label[..x], out var width) && TryNumber(label[(x + 1)..], out var height)
            ? (width, height)
            : (null, null);
    }

    private static bool TryNumber(string text, out int value)
    {
        value = 0;
        return text.Length is > 0 and <= 5
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
