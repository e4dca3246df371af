using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SiteGen.Markdown.Embeds;

/// <summary>Obsidian embeds: <c>![[image.png|300]]</c>, audio, video, PDF and note transclusion.</summary>
internal sealed class EmbedExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // LinkInlineParser claims '!' for images and would read "![[x]]" as "!" plus a link, so ours runs first.
        if (!pipeline.InlineParsers.Contains<EmbedInlineParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new EmbedInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        if (!html.ObjectRenderers.Contains<HtmlEmbedRenderer>())
        {
            html.ObjectRenderers.Add(new HtmlEmbedRenderer());
        }
        if (!html.ObjectRenderers.Contains<HtmlTransclusionParagraphRenderer>())
        {
            html.ObjectRenderers.Replace<ParagraphRenderer>(new HtmlTransclusionParagraphRenderer());
        }
    }
}
