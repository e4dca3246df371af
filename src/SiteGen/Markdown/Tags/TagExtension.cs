using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Markdown.Tags;

/// <summary>Inline <c>#tags</c>.</summary>
internal sealed class TagExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<TagInlineParser>())
        {
            pipeline.InlineParsers.Add(new TagInlineParser());
        }
        pipeline.DocumentProcessed -= UntagLinkText;
        pipeline.DocumentProcessed += UntagLinkText;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlTagRenderer>())
        {
            html.ObjectRenderers.Add(new HtmlTagRenderer());
        }
    }

    // A link's text is parsed like any other inline text, and only once the closing "](" is seen does
    // Markdig know it was a link. So "[see #x](url)" yields a tag inside a link; turn it back into text.
    private static void UntagLinkText(MarkdownDocument document)
    {
        List<TagInline>? inLinks = null;
        foreach (var tag in document.Descendants<TagInline>())
        {
            for (var parent = tag.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is LinkInline)
                {
                    (inLinks ??= []).Add(tag);
                    break;
                }
            }
        }
        if (inLinks is null) return;

        foreach (var tag in inLinks)
        {
            tag.ReplaceBy(new LiteralInline("#" + tag.Tag) { Span = tag.Span, Line = tag.Line, Column = tag.Column });
        }
    }
}
