using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace SiteGen.Markdown.WikiLinks;

/// <summary>Parses <c>[[Target#Fragment|Label]]</c> into a <see cref="WikiLinkInline"/>.</summary>
internal sealed class WikiLinkInlineParser : InlineParser
{
    public WikiLinkInlineParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var start = slice.Start;
        var probe = slice;
        if (!WikiLinkSyntax.TryMatch(ref probe, out var parts)) return false;

        var sourceStart = processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new WikiLinkInline
        {
            Target = parts.Target,
            Fragment = parts.Fragment,
            Label = parts.Label,
            Span = new SourceSpan(sourceStart, sourceStart + (probe.Start - start) - 1),
            Line = line,
            Column = column,
        };
        slice = probe;
        return true;
    }
}
