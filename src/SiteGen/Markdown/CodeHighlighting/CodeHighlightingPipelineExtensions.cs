using Markdig;

namespace SiteGen.Markdown.CodeHighlighting;

internal static class CodeHighlightingPipelineExtensions
{
    /// <summary>Highlights fenced code blocks of known languages at build time, as spans with <c>hl-*</c> classes.</summary>
    public static MarkdownPipelineBuilder UseCodeHighlighting(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<CodeHighlightingExtension>();
        return pipeline;
    }
}
