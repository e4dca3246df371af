using Markdig;

namespace SiteGen.Markdown.Tags;

internal static class TagPipelineExtensions
{
    /// <summary>Adds inline <c>#tag</c> and <c>#nested/tag</c>.</summary>
    public static MarkdownPipelineBuilder UseTags(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<TagExtension>();
        return pipeline;
    }
}
