using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace SiteGen.Markdown.WikiLinks;

/// <summary>Obsidian wikilinks: <c>[[Target]]</c>, <c>[[Target#Heading|Label]]</c>, <c>[[#^block]]</c>.</summary>
internal sealed class WikiLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // LinkInlineParser claims '[' and would turn "[[A]]" into literal brackets, so ours must run first.
        if (!pipeline.InlineParsers.Contains<WikiLinkInlineParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlWikiLinkRenderer>())
        {
            html.ObjectRenderers.Add(new HtmlWikiLinkRenderer());
        }
    }
}
