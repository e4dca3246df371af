using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace SiteGen.Markdown.Callouts;

/// <summary>
/// Obsidian callouts. Markdig parses the quote as usual; when a quote closes and its first line reads
/// <c>[!type]</c>, the quote is swapped for a <see cref="CalloutBlock"/>. Inner quotes close first, so nested
/// callouts convert from the inside out.
/// </summary>
internal sealed class CalloutExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        var quoteParser = pipeline.BlockParsers.Find<QuoteBlockParser>()
            ?? throw new InvalidOperationException("Callouts need Markdig's QuoteBlockParser.");
        quoteParser.Closed -= OnQuoteClosed;
        quoteParser.Closed += OnQuoteClosed;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlCalloutRenderer>())
        {
            html.ObjectRenderers.Add(new HtmlCalloutRenderer());
        }
    }

    // Runs during block parsing, before inlines are parsed, so the title can still be handed to the
    // inline parser as a leaf block of its own.
    private static void OnQuoteClosed(BlockProcessor processor, Block block)
    {
        if (block is not QuoteBlock quote || quote.Parent is not { } parent) return;
        if (quote.Count == 0 || quote[0] is not ParagraphBlock first || first.Lines.Count == 0) return;

        var header = first.Lines.Lines[0];
        if (!CalloutHeader.TryParse(header.Slice, out var type, out var fold, out var titleText)) return;

        var callout = new CalloutBlock(quote.Parser)
        {
            Type = type,
            Fold = fold,
            Span = quote.Span,
            Line = quote.Line,
            Column = quote.Column,
        };

        if (!titleText.IsEmpty)
        {
            var column = header.Column + (titleText.Start - header.Slice.Start);
            var position = header.Position + (titleText.Start - header.Slice.Start);
            var title = new CalloutTitleBlock(null)
            {
                Span = new SourceSpan(position, position + titleText.Length - 1),
                Line = header.Line,
                Column = column,
            };
            title.Lines = new StringLineGroup(1);
            // By ref: the by-value Add takes a StringSlice, and converting to one would drop the line, column and
            // position, so links in the title would be reported at their column within the title.
            var line = new StringLine(titleText, header.Line, column, position, NewLine.None);
            title.Lines.Add(ref line);
            callout.Add(title);
        }

        first.Lines.RemoveAt(0);
        if (first.Lines.Count == 0) quote.Remove(first);
        else
        {
            // The paragraph now starts on the line after the header; its inlines take their lines from here.
            var next = first.Lines.Lines[0];
            first.Line = next.Line;
            first.Column = next.Column;
        }

        while (quote.Count > 0)
        {
            var child = quote[0];
            quote.RemoveAt(0);
            callout.Add(child);
        }

        var index = parent.IndexOf(quote);
        parent.RemoveAt(index);
        parent.Insert(index, callout);
    }
}
