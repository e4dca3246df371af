using SiteGen.Configuration;
using SiteGen.Notes;

namespace SiteGen.Tests.Notes;

public sealed class PublishRulesTests
{
    private static bool IsPublic(string header, PublishMode mode)
    {
        var result = FrontMatterReader.Read(header + "\nbody\n", "n.md");
        return PublishRules.IsPublic(result.FrontMatter, mode);
    }

    [Theory]
    [InlineData("---\npublish: true\n---")]
    [InlineData("---\npublish: True\n---")]
    [InlineData("---\npublish: \"TRUE\"\n---")]
    [InlineData("---\npublish: 'true'\n---")]
    [InlineData("\uFEFF---\r\npublish: true\r\n---")]
    public void Explicit_mode_publishes_only_a_real_true(string header) =>
        Assert.True(IsPublic(header, PublishMode.Explicit));

    [Theory]
    [InlineData("---\npublish: \"false\"\n---")]
    [InlineData("---\npublish: yes\n---")]
    [InlineData("---\npublish: 1\n---")]
    [InlineData("---\npublish: [true]\n---")]
    [InlineData("---\nPublish: true\n---")]
    [InlineData("---\npublish: true\npublish: true\n---")]
    [InlineData("---\npublish: ~\n---")]
    [InlineData("---\npublish:\n---")]
    [InlineData("---\npublish:true\n---")]
    [InlineData("---\npublish: true\n")]
    [InlineData("---\npublish: true\ndraft: true\n---")]
    [InlineData("---\npublish: true\nprivate: true\n---")]
    [InlineData("---\npublish: on\n---")]
    [InlineData("---\n\tpublish: true\n---")]
    [InlineData("---\ntitle: [unclosed\npublish: true\n---")]
    [InlineData("no front matter at all")]
    [InlineData("---\n---")]
    public void Explicit_mode_keeps_everything_else_private(string header) =>
        Assert.False(IsPublic(header, PublishMode.Explicit));

    [Theory]
    [InlineData("no front matter at all", true)]
    [InlineData("---\ntitle: x\n---", true)]
    [InlineData("---\npublish: true\n---", true)]
    [InlineData("---\npublish: false\n---", false)]
    [InlineData("---\npublish: \"false\"\n---", false)]
    [InlineData("---\npublish: no\n---", false)]
    [InlineData("---\npublish: maybe\n---", false)]
    [InlineData("---\nprivate: true\n---", false)]
    [InlineData("---\nprivate: \"true\"\n---", false)]
    [InlineData("---\ndraft: true\n---", false)]
    [InlineData("---\npublish: true\n", false)]
    [InlineData("---\npublish: true\npublish: true\n---", false)]
    public void All_mode_publishes_unless_the_note_opts_out(string header, bool expected) =>
        Assert.Equal(expected, IsPublic(header, PublishMode.All));

    [Theory]
    [InlineData("---\npublish: yes\n---", 2)]
    [InlineData("---\ntitle: ok\npublish: [true]\n---", 3)]
    [InlineData("---\npublish: true\n", 1)]
    [InlineData("---\ntitle: ok\ntitle: again\n---", 3)]
    [InlineData("---\npublish:true\n---", 2)]
    public void Unusable_publish_values_and_broken_headers_are_reported_with_their_line(string header, int line)
    {
        var result = FrontMatterReader.Read(header + "\nbody", "notes/n.md");
        var problem = Assert.Single(result.Problems);
        Assert.Equal("notes/n.md", problem.File);
        Assert.Equal(line, problem.Line);
        Assert.StartsWith($"notes/n.md:{line}:", problem.ToString());
    }

    [Fact]
    public void Deep_nesting_is_refused_without_a_crash()
    {
        var header = "---\nx: " + new string('[', 5000) + new string(']', 5000) + "\npublish: true\n---";
        var result = FrontMatterReader.Read(header, "n.md");
        Assert.Null(result.FrontMatter);
        Assert.Contains("nested", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void An_alias_bomb_is_refused()
    {
        var lines = new List<string> { "---", "publish: true", "a: &a [x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 20; i++) lines.Add($"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}]");
        lines.Add("---");
        var result = FrontMatterReader.Read(string.Join('\n', lines), "n.md");
        Assert.Null(result.FrontMatter);
        Assert.False(PublishRules.IsPublic(result.FrontMatter, PublishMode.All));
    }

    [Fact]
    public void Front_matter_is_typed()
    {
        var text = "---\npublish: true\ntitle: Hello\ntags: \"#one, two three\"\naliases: [A, B]\ncreated: 2024-01-02\nupdated: 2024-03-04T05:06:07Z\nstatus: Budding\npermalink: a/b\nrating: 5\nfeed: false\n---\n# Body\n";
        var result = FrontMatterReader.Read(text, "n.md");
        var fm = result.FrontMatter!;
        Assert.Equal("Hello", fm.Title);
        Assert.Equal(["one", "two", "three"], fm.Tags);
        Assert.Equal(["A", "B"], fm.Aliases);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), fm.Created);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero), fm.Updated);
        Assert.Equal("budding", fm.Status);
        Assert.Equal("a/b", fm.Permalink);
        Assert.False(fm.Feed);
        Assert.Equal("5", fm.Params["rating"]);
        Assert.Equal("# Body\n", text[result.BodyStart..]);
        Assert.Equal(13, result.BodyLine);
    }
}
