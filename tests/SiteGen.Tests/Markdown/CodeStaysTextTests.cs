using Markdig.Syntax;
using SiteGen.Markdown;
using SiteGen.Markdown.Embeds;
using SiteGen.Markdown.Tags;
using SiteGen.Markdown.WikiLinks;
using Xunit;

namespace SiteGen.Tests.Markdown;

public sealed class CodeStaysTextTests
{
    [Theory]
    [InlineData("`[[Note]] ![[img.png]] #tag`\n")]
    [InlineData("``` md\n[[Note]] ![[img.png]] #tag\n```\n")]
    [InlineData("~~~\n[[Note]]\n~~~\n")]
    [InlineData("    [[Note]] #tag\n")]
    [InlineData("- item\n\n  ```\n  [[Note]]\n  ```\n")]
    public void Obsidian_syntax_in_code_is_not_parsed(string markdown)
    {
        var document = SiteGenMarkdown.Parse(markdown);
        foreach (var link in document.Descendants<WikiLinkInline>()) link.Href = "/note/";

        Assert.Empty(document.Descendants<WikiLinkInline>());
        Assert.Empty(document.Descendants<EmbedInline>());
        Assert.Empty(document.Descendants<TagInline>());
        var html = SiteGenMarkdown.RenderHtml(document);
        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        // Highlighted code (the md block) cuts the text into spans; what the reader sees is still the syntax.
        Assert.Contains("[[Note]]", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parser_fills_the_typed_parts()
    {
        var link = Assert.Single(SiteGenMarkdown.Parse("x [[folder/Note.md#Part#Sub|shown]] y\n").Descendants<WikiLinkInline>());

        Assert.Equal("folder/Note.md", link.Target);
        Assert.Equal("Part#Sub", link.Fragment);
        Assert.Equal("shown", link.Label);
        Assert.Null(link.Href);
        Assert.Equal(2, link.Span.Start);
        Assert.Equal(34, link.Span.End);
    }

    [Fact]
    public void Embed_sizes_are_parsed_from_the_label()
    {
        var embeds = SiteGenMarkdown.Parse("![[a.png|300]] ![[b.png|300x200]] ![[c.png|a 3x4 grid]]\n").Descendants<EmbedInline>().ToArray();

        Assert.Equal((300, (int?)null), (embeds[0].Width, embeds[0].Height));
        Assert.Equal((300, (int?)200), (embeds[1].Width, embeds[1].Height));
        Assert.Equal(((int?)null, (int?)null, "a 3x4 grid"), (embeds[2].Width, embeds[2].Height, embeds[2].Label));
    }
}
