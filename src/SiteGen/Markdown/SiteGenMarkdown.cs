using Markdig;
using Markdig.Syntax;

namespace SiteGen.Markdown;

// TEMPORARY stub until the markdown branch lands.
public static class SiteGenMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).UsePreciseSourceLocation().Build();
    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);
    public static string RenderHtml(MarkdownDocument document) => document.ToHtml(Pipeline);
    public static string HeadingId(string text) => Markdig.Helpers.LinkHelper.UrilizeAsGfm(text);
}
