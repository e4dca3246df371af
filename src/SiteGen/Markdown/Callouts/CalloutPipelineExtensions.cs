using Markdig;

namespace SiteGen.Markdown.Callouts;

internal static class CalloutPipelineExtensions
{
    /// <summary>Adds Obsidian callouts, <c>&gt; [!type]± Title</c>.</summary>
    public static MarkdownPipelineBuilder UseCallouts(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<CalloutExtension>();
        return pipeline;
    }
}
