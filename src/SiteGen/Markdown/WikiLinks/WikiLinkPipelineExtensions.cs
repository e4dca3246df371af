using Markdig;

namespace SiteGen.Markdown.WikiLinks;

internal static class WikiLinkPipelineExtensions
{
    /// <summary>Adds Obsidian <c>[[wikilinks]]</c>.</summary>
    public static MarkdownPipelineBuilder UseWikiLinks(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<WikiLinkExtension>();
        return pipeline;
    }
}
