using Markdig.Renderers.Html;
using Markdig.Syntax;
using SiteGen.Markdown;
using Xunit;

namespace SiteGen.Tests.Markdown;

public sealed class HeadingIdTests
{
    [Fact]
    public void Question_mark_is_dropped_and_spaces_become_dashes()
    {
        Assert.Equal("how-large-is-it", SiteGenMarkdown.HeadingId("How large is it?"));
    }

    [Theory]
    [InlineData("How large is it?")]
    [InlineData("C# & .NET: a guide (part 2)")]
    [InlineData("Ünïcödé Straße café")]
    [InlineData("日本語の見出し")]
    [InlineData("Привет, мир")]
    [InlineData("Rocket 🚀 launch")]
    [InlineData("🎉")]
    [InlineData("1. Numbers 2 and 3.5")]
    [InlineData("2024")]
    [InlineData("The `Parse()` method")]
    [InlineData("*Emphasis* and **strong** and ==marked==")]
    [InlineData("Trailing punctuation!!!")]
    [InlineData("snake_case and kebab-case -- dashes")]
    [InlineData("Quotes \"double\" and 'single'")]
    [InlineData("Tabs\tand  double  spaces")]
    [InlineData("?!")]
    public void Heading_id_agrees_with_the_auto_identifier(string heading)
    {
        var document = SiteGenMarkdown.Parse("## " + heading + "\n");
        var id = Assert.IsType<HeadingBlock>(Assert.Single(document)).GetAttributes().Id;

        Assert.Equal(id, SiteGenMarkdown.HeadingId(heading));
    }

    [Fact]
    public void Repeated_headings_get_suffixes_that_the_linker_must_add_itself()
    {
        var document = SiteGenMarkdown.Parse("## Notes\n\n## Notes\n");
        var ids = document.OfType<HeadingBlock>().Select(h => h.GetAttributes().Id).ToArray();

        Assert.Equal(new string?[] { "notes", "notes-1" }, ids);
        Assert.Equal("notes", SiteGenMarkdown.HeadingId("Notes"));
    }
}
