using SiteGen.Tests.Support;

namespace SiteGen.Tests.Integration;

/// <summary><c>sitegen init</c> and <c>sitegen new</c>: scaffolds that build, private by default, never overwriting.</summary>
public sealed class ScaffoldTests
{
    [Fact]
    public void Init_then_build_works_from_an_empty_folder_and_init_never_overwrites()
    {
        using var garden = TestGarden.Create("");
        File.WriteAllText(Path.Combine(garden.Root, "sitegen.yml"), "title: Mine\n");
        var (code, stdout, _) = SitegenProcess.Run($"init \"{garden.Root}\"", garden.Root);
        Assert.Equal(0, code);
        Assert.Contains("kept     sitegen.yml", stdout);
        Assert.Equal("title: Mine\n", File.ReadAllText(Path.Combine(garden.Root, "sitegen.yml")));
        Assert.True(File.Exists(Path.Combine(garden.Root, ".gitignore")));
        Assert.Equal(0, SitegenProcess.Run($"check \"{garden.Root}\" --strict", garden.Root).Code);
        garden.BuildOk();
        Assert.True(garden.Exists("/how-this-garden-works/index.html"));
        Assert.False(garden.Exists("/private-scratchpad/index.html"));
    }

    [Fact]
    public void New_writes_a_private_note_and_refuses_unsafe_names_and_overwrites()
    {
        using var garden = TestGarden.Create("");
        Assert.Equal(0, SitegenProcess.Run("new \"First Thought\" --folder ideas", garden.Root).Code);
        var text = File.ReadAllText(Path.Combine(garden.Root, "content", "ideas", "First Thought.md"));
        Assert.Contains("publish: false", text);
        Assert.Matches(@"created: \d{4}-\d{2}-\d{2}", text);
        Assert.Contains("tags: []", text);
        Assert.Equal(1, SitegenProcess.Run("new \"First Thought\" --folder ideas", garden.Root).Code);
        foreach (var hostile in new[] { "../escape", "a/b", "..", "C:evil" })
            Assert.Equal(2, SitegenProcess.Run($"new \"{hostile}\"", garden.Root).Code);
        Assert.Equal(2, SitegenProcess.Run("new ok --folder ../../outside", garden.Root).Code);
        Assert.False(File.Exists(Path.Combine(garden.Root, "escape.md")));
    }

    [Fact]
    public void New_uses_the_gardens_note_template()
    {
        using var garden = TestGarden.Create("-- templates/note.md --\n---\npublish: false\ncreated: {{date}}\nkind: idea\n---\n# {{title}}\n");
        Assert.Equal(0, SitegenProcess.Run("new Sprout", garden.Root).Code);
        var text = File.ReadAllText(Path.Combine(garden.Root, "content", "Sprout.md"));
        Assert.Contains("kind: idea", text);
        Assert.Contains("# Sprout", text);
    }
}
