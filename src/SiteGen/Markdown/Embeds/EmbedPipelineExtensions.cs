using Markdig;

namespace SiteGen.Markdown.Embeds;

internal static class EmbedPipelineExtensions
{
    /// <summary>Adds Obsidian <c>![[embeds]]</c> and note transclusion.</summary>
    public static MarkdownPipelineBuilder UseEmbeds(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<EmbedExtension>();
        return pipeline;
    }
}
