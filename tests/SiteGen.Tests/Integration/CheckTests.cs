using System.Text.Json;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Integration;

/// <summary><c>sitegen check</c> finds exactly the planted problems, writes nothing, and maps them to exit codes.</summary>
public sealed class CheckTests
{
    private const string Garden = """
-- sitegen.yml --
title: Check
colour: blue
-- content/index.md --
---
publish: true
---
[[Missing Note]] [[Private Plan|the plan]] [[Twin]] [[Linked]] ![[nowhere.png]]
-- content/Linked.md --
---
publish: true
---
linked from home
-- content/Lonely.md --
---
publish: true
---
no one links here
-- content/a/Twin.md --
---
publish: true
---
twin a [[index]]
-- content/b/Twin.md --
---
publish: true
---
twin b [[index]]
-- content/Private Plan.md --
---
publish: false
---
secret
-- content/Broken.md --
---
publish: [true
---
x
-- content/Clash.md --
---
publish: true
permalink: linked
---
[[index]]
""";

    [Fact]
    public void Text_report_lists_every_planted_problem_and_writes_nothing()
    {
        using var garden = TestGarden.Create(Garden);
        var (code, stdout, _) = SitegenProcess.Run($"check \"{garden.Root}\"", garden.Root);
        Assert.Equal(1, code);
        Assert.Contains("content/index.md:4:1: warning SG0501: link target 'Missing Note'", stdout);
        Assert.Contains("warning SG0501: link target 'nowhere.png'", stdout);
        Assert.Contains("warning SG0502: link to a private note (Private Plan.md)", stdout);
        Assert.Contains("warning SG0506: 'Twin' is ambiguous (a/Twin.md, b/Twin.md)", stdout);
        Assert.Contains("content/Broken.md:3: warning SG0305", stdout);
        Assert.Contains("content/Lonely.md: warning SG0520", stdout);
        Assert.Contains("error SG0404", stdout);
        Assert.Contains("sitegen.yml:2:1: warning SG0203: unknown configuration key 'colour'", stdout);
        Assert.DoesNotContain("content/Linked.md: warning SG0520", stdout);
        Assert.False(Directory.Exists(garden.Output));
        Assert.Empty(Directory.EnumerateDirectories(garden.Root, ".*"));
    }

    [Fact]
    public void Json_report_and_strict_mode()
    {
        using var garden = TestGarden.Create(Garden.Replace("permalink: linked", "permalink: clash"));
        var (plain, _, _) = SitegenProcess.Run($"check \"{garden.Root}\"", garden.Root);
        Assert.Equal(0, plain);
        var (strict, stdout, _) = SitegenProcess.Run($"check \"{garden.Root}\" --strict --format json", garden.Root);
        Assert.Equal(1, strict);
        using var json = JsonDocument.Parse(stdout);
        var codes = json.RootElement.EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.Contains("SG0501", codes);
        Assert.Contains("SG0506", codes);
        var broken = json.RootElement.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "SG0305");
        Assert.Equal("content/Broken.md", broken.GetProperty("file").GetString());
        Assert.Equal(3, broken.GetProperty("line").GetInt32());
        Assert.Equal("warning", broken.GetProperty("severity").GetString());
    }

    [Fact]
    public void Ignored_diagnostics_become_notices_that_strict_mode_accepts()
    {
        using var garden = TestGarden.Create("""
-- sitegen.yml --
check:
  ignore: ["content/index.md:SG0501", "SG0520"]
-- content/index.md --
---
publish: true
---
[[Missing Note]]
-- content/Other.md --
---
publish: true
---
orphan
""");
        var (code, stdout, _) = SitegenProcess.Run($"check \"{garden.Root}\" --strict", garden.Root);
        Assert.True(code == 0, stdout);
        Assert.Contains("info SG0501", stdout);
        Assert.Contains("info SG0520", stdout);
    }

    [Fact]
    public void Ignored_warnings_about_private_notes_still_match_in_ci()
    {
        using var garden = TestGarden.Create("-- sitegen.yml --\ncheck:\n  ignore: [\"content/Odd.md:SG0306\"]\n-- content/index.md --\n---\npublish: true\n---\nx\n-- content/Odd.md --\n---\npublish: yes\n---\ny\n");
        var (code, stdout, _) = SitegenProcess.Run($"check \"{garden.Root}\" --strict", garden.Root, ("CI", "true"));
        Assert.True(code == 0, stdout);
        Assert.Contains("info SG0306", stdout);
        Assert.DoesNotContain("Odd", stdout);
    }

    [Fact]
    public void Newly_public_notes_are_reported_against_the_last_commit()
    {
        using var garden = TestGarden.Create("-- content/index.md --\n---\npublish: true\n---\n[[Was]] [[Now]]\n-- content/Was.md --\n---\npublish: true\n---\nx\n-- content/Now.md --\n---\npublish: false\n---\ny\n");
        SitegenProcess.Git(garden.Root, "init -q");
        SitegenProcess.Commit(garden.Root, "2024-01-01T00:00:00Z", "first");
        garden.Write("-- content/Now.md --\n---\npublish: true\n---\ny\n-- content/Fresh.md --\n---\npublish: true\n---\n[[index]]\n");
        var (_, stdout, _) = SitegenProcess.Run($"check \"{garden.Root}\" --format json", garden.Root);
        using var json = JsonDocument.Parse(stdout);
        var newly = json.RootElement.EnumerateArray().Where(d => d.GetProperty("code").GetString() == "SG0530")
            .Select(d => d.GetProperty("file").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["content/Fresh.md", "content/Now.md"], newly);
    }

    [Fact]
    public void In_ci_private_notes_are_named_by_hash()
    {
        using var garden = TestGarden.Create(Garden);
        var (_, stdout, stderr) = SitegenProcess.Run($"check \"{garden.Root}\"", garden.Root, ("CI", "true"));
        Assert.DoesNotContain("Private Plan", stdout + stderr);
        Assert.Contains("link to a private note (note#", stdout);
    }
}
