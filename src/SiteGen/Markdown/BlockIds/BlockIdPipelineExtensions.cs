using Markdig;

namespace SiteGen.Markdown.BlockIds;

internal static class BlockIdPipelineExtensions
{
    /// <summary>Adds Obsidian block ids, <c>^block-id</c> at the end of a block.</summary>
    public static MarkdownPipelineBuilder UseBlockIds(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<BlockIdExtension>();
        return pipeline;
    }
}
