using System.Globalization;
using SiteGen.Output;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Integration;

/// <summary>Determinism, atomic replacement, output-folder safety and the CLI's exit codes (DESIGN §10, §11).</summary>
public sealed class OutputContractTests
{
    private const string Garden = """
-- content/index.md --
---
publish: true
title: Home
---
Welcome to [[Istanbul Notes]] and [[Ideas/Deep Idea#Second Part|the idea]].
-- content/Istanbul Notes.md --
---
publish: true
tags: [İstanbul, Travel/Turkey]
aliases: [ISTANBUL]
created: 2024-01-01
---
# Istanbul
Big city. #Travel/turkey
-- content/Ideas/Deep Idea.md --
---
publish: true
status: budding
---
## Second Part
See [[Istanbul Notes]].
""";

    [Fact]
    public void Two_builds_under_different_cultures_are_byte_identical()
    {
        using var garden = TestGarden.Create(Garden);
        var first = Path.Combine(garden.Root, "out-invariant");
        var second = Path.Combine(garden.Root, "out-tr");
        WithCulture("en-US", () => garden.BuildOk(first));
        WithCulture("tr-TR", () => garden.BuildOk(second));
        Assert.Equal(TestGarden.Manifest(first), TestGarden.Manifest(second));
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_site_untouched()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        var before = TestGarden.Manifest(garden.Output);
        garden.Write("-- content/Istanbul-Notes.md --\n---\npublish: true\n---\ncollides with Istanbul Notes\n");
        var result = garden.Build();
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "SG0404");
        Assert.Contains("Istanbul Notes.md", error.Message);
        Assert.Contains("Istanbul-Notes.md", error.Message);
        Assert.Equal(before, TestGarden.Manifest(garden.Output));
        Assert.DoesNotContain(Directory.EnumerateDirectories(garden.Root), d => Path.GetFileName(d).Contains("staging", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_error_is_reported_with_file_line_and_column_and_keeps_the_site()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        var before = TestGarden.Manifest(garden.Output);
        garden.Write("-- templates/layouts/note.html --\n<h1>{{ page.title </h1>\n");
        var result = garden.Build();
        Assert.False(result.Succeeded);
        Assert.Matches(@"^templates/layouts/note\.html:1:\d+: error", Assert.Single(result.Diagnostics, d => d.Code == "SG0600").Message);
        Assert.Equal(before, TestGarden.Manifest(garden.Output));
    }

    [Fact]
    public void A_page_longer_than_a_million_characters_is_written_whole()
    {
        // Scriban cuts values past its LimitToString (a million characters) to "..." unless told otherwise.
        var words = string.Join(' ', Enumerable.Range(0, 150_000).Select(i => $"w{i}"));
        using var garden = TestGarden.Create($"-- content/Long.md --\n---\npublish: true\n---\n{words}\n\nThe last paragraph, zqend.\n");
        garden.BuildOk();
        var page = garden.Html("/long/index.html");
        var paragraphs = page.QuerySelectorAll("main p").Select(p => p.TextContent.Trim()).ToList();
        Assert.Contains("The last paragraph, zqend.", paragraphs);
        Assert.NotNull(page.QuerySelector("footer"));
    }

    [Fact]
    public void Unsafe_output_folders_are_refused_before_anything_is_written()
    {
        using var garden = TestGarden.Create(Garden);
        var stranger = Path.Combine(garden.Root, "stranger");
        Directory.CreateDirectory(stranger);
        File.WriteAllText(Path.Combine(stranger, "keep.txt"), "mine");
        foreach (var output in new[] { Path.Combine(garden.Root, "content"), Path.Combine(garden.Root, "content", "site"), garden.Root, stranger })
        {
            var listing = Directory.EnumerateFileSystemEntries(garden.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            Assert.Throws<OutputException>(() => garden.Build(output));
            Assert.Equal(listing, Directory.EnumerateFileSystemEntries(garden.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList());
        }
    }

    [Fact]
    public void The_site_holds_only_this_builds_pages()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        Assert.True(garden.Exists("/istanbul-notes/index.html"));
        garden.Write("-- content/Istanbul Notes.md --\n---\npublish: false\n---\ngone\n");
        garden.BuildOk();
        Assert.False(garden.Exists("/istanbul-notes/index.html"));
        Assert.False(garden.Exists("/istanbul/index.html"));
        Assert.DoesNotContain(TestGarden.Files(garden.Output), f => f.Contains("istanbul", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, "build {root}")]
    [InlineData(2, "build {root} --no-such-option")]
    [InlineData(2, "build {root}/does-not-exist")]
    [InlineData(2, "build {root} --base-url not-a-url")]
    [InlineData(1, "build {root} --config {root}/collide.yml")]
    public void The_cli_maps_outcomes_to_exit_codes(int expected, string arguments)
    {
        using var garden = TestGarden.Create(Garden + "\n-- collide.yml --\ncontent: content\n");
        if (arguments.Contains("collide", StringComparison.Ordinal))
            garden.Write("-- content/a.md --\n---\npublish: true\npermalink: istanbul-notes\n---\nx\n");
        var (code, stdout, stderr) = SitegenProcess.Run(arguments.Replace("{root}", garden.Root), garden.Root);
        Assert.True(expected == code, $"exit {code}\n{stdout}\n{stderr}");
        if (expected == 0) Assert.Contains("notes published", stdout);
    }

    private static void WithCulture(string name, Action action)
    {
        var (current, ui, thread) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture);
        try
        {
            var culture = new CultureInfo(name);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = culture;
            action();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.DefaultThreadCurrentCulture = thread;
            CultureInfo.DefaultThreadCurrentUICulture = thread;
        }
    }
}
