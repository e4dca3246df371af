using AngleSharp.Html.Parser;
using Markdig.Syntax;
using SiteGen.Markdown;
using SiteGen.Markdown.Embeds;
using Xunit;

namespace SiteGen.Tests.Markdown;

public sealed class EmbedRenderingTests
{
    private static string Render(string markdown, string? noteKey = null)
    {
        var document = SiteGenMarkdown.Parse(markdown);
        SpecLinker.Link(document);
        return SiteGenMarkdown.RenderHtml(document, noteKey);
    }

    private static int Transclusions(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("div.transclusion").Length;

    [Fact]
    public void A_note_embedding_itself_shows_the_placeholder()
    {
        var html = SiteGenMarkdown.RenderHtml(SpecLinker.Document("Self"), "Self");

        Assert.Equal(0, Transclusions(html));
        Assert.Contains("<span class=\"embed unresolved\">", html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, "Self text."));
    }

    [Fact]
    public void A_note_embedding_itself_is_cut_by_its_key_when_parsed_again()
    {
        Assert.Equal(0, Transclusions(Render(SpecLinker.Notes["Self"], noteKey: "Self")));
        // Without the key the copy is a different note, so the cut comes one level later.
        Assert.Equal(1, Transclusions(Render(SpecLinker.Notes["Self"])));
    }

    [Fact]
    public void Two_notes_embedding_each_other_stop_at_the_first_repeat()
    {
        var html = SiteGenMarkdown.RenderHtml(SpecLinker.Document("Ping"), "Ping");

        Assert.Equal(1, Transclusions(html));
        Assert.Equal(1, CountOf(html, "Ping text."));
        Assert.Equal(1, CountOf(html, "Pong text."));
        Assert.Contains("missing embed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Transclusion_stops_after_three_levels()
    {
        var html = Render("![[Level1]]\n");

        Assert.Equal(HtmlEmbedRenderer.MaxDepth, Transclusions(html));
        Assert.Contains("Three.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Four.", html, StringComparison.Ordinal);
        Assert.Contains("missing embed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_levels_render_in_full()
    {
        var html = SiteGenMarkdown.RenderHtml(SpecLinker.Document("Level1"), "Level1");

        Assert.Equal(3, Transclusions(html));
        Assert.Contains("Four.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("missing embed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renderer_can_be_reused_after_a_cycle()
    {
        var first = SiteGenMarkdown.RenderHtml(SpecLinker.Document("Ping"), "Ping");
        var second = SiteGenMarkdown.RenderHtml(SpecLinker.Document("Ping"), "Ping");
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_heading_section_ends_at_the_next_heading_of_the_same_level()
    {
        var content = new HtmlParser().ParseDocument(Render("![[Recipe#Ingredients]]\n")).QuerySelector(".transclusion-content")!;

        Assert.Equal(["H2", "UL", "H3", "P"], content.Children.Select(e => e.TagName).ToArray());
        Assert.Equal("ingredients", content.Children[0].Id);
        Assert.DoesNotContain("Mix well", content.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Intro text", content.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sub_heading_section_ends_at_a_higher_heading()
    {
        var content = new HtmlParser().ParseDocument(Render("![[Recipe#Ingredients#Notes]]\n")).QuerySelector(".transclusion-content")!;

        Assert.Equal(["H3", "P"], content.Children.Select(e => e.TagName).ToArray());
        Assert.Equal("Sift the flour.", content.Children[1].TextContent);
    }

    [Fact]
    public void A_block_reference_shows_only_that_block()
    {
        var content = new HtmlParser().ParseDocument(Render("![[Recipe#^water]]\n")).QuerySelector(".transclusion-content")!;

        Assert.Equal("water", content.TextContent.Trim());
    }

    [Fact]
    public void An_unresolved_embed_shows_neither_target_nor_label()
    {
        var document = SiteGenMarkdown.Parse("![[Private Diary#Secret Heading|my confession]] ![[hidden/plan.png|999]]\n");
        var html = SiteGenMarkdown.RenderHtml(document);

        Assert.All(document.Descendants<EmbedInline>(), embed => Assert.Null(embed.Source));
        foreach (var word in new[] { "Private", "Diary", "Secret", "confession", "hidden", "plan", "999" })
        {
            Assert.DoesNotContain(word, html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(2, CountOf(html, "<span class=\"embed unresolved\">missing embed</span>"));
    }

    [Fact]
    public void An_embed_of_a_fragment_not_found_shows_nothing_of_the_note()
    {
        var html = Render("![[Recipe#Nowhere]]\n");

        Assert.DoesNotContain("Recipe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("recipe", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parallel_renders_share_the_pipeline_safely()
    {
        var expected = Render("![[Ping]] ![[Level1]] [[Note]] #tag\n");
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = Render("![[Ping]] ![[Level1]] [[Note]] #tag\n"));

        Assert.All(results, html => Assert.Equal(expected, html));
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
