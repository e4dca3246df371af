using Markdig;

namespace SiteGen.Markdown.Images;

internal static class ImagePipelineExtensions
{
    /// <summary>Adds <c>loading="lazy"</c> and <c>decoding="async"</c> to markdown images.</summary>
    public static MarkdownPipelineBuilder UseImageLoading(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<ImageLoadingExtension>();
        return pipeline;
    }
}
