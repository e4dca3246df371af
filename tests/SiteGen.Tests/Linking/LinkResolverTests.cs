using SiteGen.Linking;
using SiteGen.Notes;
using SiteGen.Vault;

namespace SiteGen.Tests.Linking;

public sealed class LinkResolverTests
{
    private static Note Note(string path, params string[] aliases) =>
        new(path, "content/" + path, Path.GetFileNameWithoutExtension(path), FrontMatter.Empty with { Aliases = aliases }, "", 1, default, default);

    private static VaultFile File(string path) => new(path, "/nowhere/" + path, 1, default);

    private static readonly Note[] Notes =
    [
        Note("Home.md"),
        Note("Ideas/Big Idea.md", "The Idea"),
        Note("Ideas/Twin.md"),
        Note("Archive/Twin.md"),
        Note("Archive/Deep/Twin.md"),
        Note("Other/Twin.md"),
        Note("Café.md"),
        Note("Other Note.md"),
        Note("Archive/Deep/Note.md"),
        Note("Other/Readme.md"),
    ];

    private static readonly LinkResolver Resolver = new(Notes, [File("img/Pic.png"), File("docs/a.pdf")]);

    private static string? Resolve(string target, string from = "Home.md") =>
        Resolver.Resolve(target, Notes.Single(n => n.Path == from)) is { } r ? r.Note?.Path ?? r.Attachment!.Path : null;

    [Theory]
    [InlineData("Ideas/Big Idea", "Ideas/Big Idea.md")]
    [InlineData("ideas/big idea.md", "Ideas/Big Idea.md")]
    [InlineData("BIG IDEA", "Ideas/Big Idea.md")]
    [InlineData("Big%20Idea", "Ideas/Big Idea.md")]
    [InlineData("Cafe\u0301", "Café.md")]
    [InlineData("the idea", "Ideas/Big Idea.md")]
    [InlineData("Pic.png", "img/Pic.png")]
    [InlineData("img/pic.PNG", "img/Pic.png")]
    [InlineData("a.pdf", "docs/a.pdf")]
    [InlineData("Deep/Twin", "Archive/Deep/Twin.md")]
    public void Targets_match_ignoring_case_NFC_spaces_and_extension(string target, string expected) =>
        Assert.Equal(expected, Resolve(target));

    [Theory]
    [InlineData("Home.md", "Ideas/Twin.md")]
    [InlineData("Other/Readme.md", "Other/Twin.md")]
    [InlineData("Archive/Deep/Note.md", "Archive/Deep/Twin.md")]
    public void Ambiguous_names_prefer_the_same_folder_then_the_shortest_then_ordinal_first(string from, string expected)
    {
        var result = Resolver.Resolve("Twin", Notes.Single(n => n.Path == from))!;
        Assert.Equal(expected, result.Note!.Path);
        Assert.Equal(4, result.Candidates.Count);
    }

    [Theory]
    [InlineData("Missing")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\..\\win.ini")]
    public void Unknown_and_escaping_targets_do_not_resolve(string target) => Assert.Null(Resolve(target));

    [Theory]
    [InlineData("Other%20Note.md", "Home.md", "Other Note.md")]
    [InlineData("../Home.md", "Ideas/Big Idea.md", "Home.md")]
    [InlineData("Twin.md", "Ideas/Big Idea.md", "Ideas/Twin.md")]
    [InlineData("Archive/Twin.md", "Ideas/Big Idea.md", "Archive/Twin.md")]
    public void Markdown_links_resolve_relative_then_from_the_root(string path, string from, string expected)
    {
        var decoded = Uri.UnescapeDataString(path);
        Assert.Equal(expected, Resolver.ResolveRelative(decoded, Notes.Single(n => n.Path == from))!.Note!.Path);
    }

    [Fact]
    public void Markdown_links_that_leave_the_vault_do_not_resolve() =>
        Assert.Null(Resolver.ResolveRelative("../../../x.png", Notes[1]));
}
