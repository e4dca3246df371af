using System.Text;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hostile;

/// <summary>The bad-input table of RELIABILITY.md (c): each input gets its stated outcome, located at file:line, and never a crash or hang.</summary>
public sealed class BadInputTests
{
    private static BuildResult BuildWithin(TestGarden garden, int seconds = 30)
    {
        var task = Task.Run(() => garden.Build());
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), "the build hung");
        return task.Result;
    }

    [Fact]
    public void Huge_front_matter_keeps_the_note_private_with_a_diagnostic()
    {
        using var garden = TestGarden.Create("-- content/ok.md --\n---\npublish: true\n---\nfine\n");
        File.WriteAllText(Path.Combine(garden.Root, "content", "big.md"), "---\npublish: true\nx: \"" + new string('a', 70_000) + "\"\n---\nbody\n");
        var result = BuildWithin(garden);
        Assert.True(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "SG0302" && d.File == "content/big.md" && d.Line == 2);
        Assert.False(garden.Exists("/big/index.html"));
    }

    [Theory]
    [InlineData("invalid-utf8", new byte[] { 0x2d, 0x2d, 0x2d, 0x0a, 0x70, 0x75, 0x62, 0x6c, 0x69, 0x73, 0x68, 0x3a, 0x20, 0x74, 0x72, 0x75, 0x65, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28, 0x0a })]
    [InlineData("nul-byte", new byte[] { 0x2d, 0x2d, 0x2d, 0x0a, 0x70, 0x75, 0x62, 0x6c, 0x69, 0x73, 0x68, 0x3a, 0x20, 0x74, 0x72, 0x75, 0x65, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0x61, 0x00, 0x62 })]
    [InlineData("utf16", new byte[] { 0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00, 0x2d, 0x00, 0x0a, 0x00 })]
    public void Undecodable_notes_stay_private_with_the_byte_offset(string name, byte[] bytes)
    {
        using var garden = TestGarden.Create("-- content/ok.md --\n---\npublish: true\n---\nfine\n");
        File.WriteAllBytes(Path.Combine(garden.Root, "content", name + ".md"), bytes);
        var result = BuildWithin(garden);
        Assert.True(result.Succeeded);
        var problem = Assert.Single(result.Diagnostics, d => d.Code == "SG0105");
        Assert.Equal($"content/{name}.md", problem.File);
        Assert.Matches(@"byte \d+", problem.Message);
        Assert.False(garden.Exists($"/{name}/index.html"));
    }

    [Fact]
    public void A_bom_and_crlf_are_accepted_silently()
    {
        using var garden = TestGarden.Create("");
        File.WriteAllText(Path.Combine(garden.Root, "content", "bom.md"), "\uFEFF---\r\npublish: true\r\ntitle: Bom\r\n---\r\nbody\r\n", new UTF8Encoding(true));
        var result = BuildWithin(garden);
        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Bom", garden.Html("/bom/").QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void A_public_note_over_the_size_limit_is_an_error_and_a_private_one_is_not_read()
    {
        using var garden = TestGarden.Create("-- sitegen.yml --\nmarkdown:\n  maxNoteBytes: 100000\n");
        File.WriteAllText(Path.Combine(garden.Root, "content", "huge.md"), "---\npublish: true\n---\n" + new string('x', 200_000));
        File.WriteAllText(Path.Combine(garden.Root, "content", "huge-private.md"), "---\npublish: false\n---\n" + new string('x', 200_000));
        var result = BuildWithin(garden);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "SG0106");
        Assert.Equal("content/huge.md", error.File);
    }

    public static TheoryData<string, string> Pathological => new()
    {
        { "nested-quotes", new string('>', 50_000) + " x" },
        { "brackets", new string('[', 100_000) },
        { "emphasis", string.Concat(Enumerable.Repeat("*a **a ", 50_000)) },
        { "wide-table", "|" + string.Concat(Enumerable.Repeat(" a |", 10_000)) + "\n|" + string.Concat(Enumerable.Repeat("---|", 10_000)) + "\n" },
        { "wikilinks", string.Concat(Enumerable.Repeat("[[", 50_000)) },
        { "embeds", string.Concat(Enumerable.Repeat("![[a|", 30_000)) },
        { "callouts", string.Concat(Enumerable.Repeat("> [!note]- x\n", 5_000)) },
        { "tags", string.Concat(Enumerable.Repeat("#a/", 30_000)) },
        { "comments", string.Concat(Enumerable.Repeat("%% a ", 50_000)) },
        { "long-line", new string('a', 10_000_000) },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Pathological_markdown_finishes_without_a_crash(string name, string body)
    {
        using var garden = TestGarden.Create("-- sitegen.yml --\nmarkdown:\n  maxNoteBytes: 20000000\n");
        File.WriteAllText(Path.Combine(garden.Root, "content", name + ".md"), "---\npublish: true\n---\n" + body);
        var result = BuildWithin(garden, 60);
        // Either rendered, or refused as an error that names the note: never an unhandled exception or a hang.
        Assert.True(result.Succeeded || result.Diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error && d.File == $"content/{name}.md"),
            string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("CON.md")]
    [InlineData("a:b.md")]
    [InlineData("trailing dot..md")]
    [InlineData("trailing space .md")]
    [InlineData("\u202Eevil\u202C.md")]
    [InlineData("zero\u200Bwidth.md")]
    [InlineData("🌱🌿.md")]
    [InlineData("#?%&.md")]
    [InlineData("Cafe\u0301.md")]
    public void Hostile_file_names_get_a_deterministic_address(string name)
    {
        using var garden = TestGarden.Create("-- content/index.md --\n---\npublish: true\n---\nhome\n");
        File.WriteAllText(Path.Combine(garden.Root, "content", name), "---\npublish: true\n---\nbody text\n");
        var first = BuildWithin(garden);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var manifest = TestGarden.Manifest(garden.Output);
        Assert.Equal(2, first.NotesPublished);
        Assert.True(BuildWithin(garden).Succeeded);
        Assert.Equal(manifest, TestGarden.Manifest(garden.Output));
    }

    [Fact]
    public void A_very_long_file_name_builds()
    {
        using var garden = TestGarden.Create("");
        var name = new string('n', 240) + ".md";
        File.WriteAllText(Path.Combine(garden.Root, "content", name), "---\npublish: true\n---\nx\n");
        Assert.True(BuildWithin(garden).Succeeded);
    }

    [Fact]
    public void Nfc_and_nfd_twins_are_one_name_and_the_second_is_reported()
    {
        using var garden = TestGarden.Create("");
        File.WriteAllText(Path.Combine(garden.Root, "content", "Caf\u00e9.md"), "---\npublish: true\n---\nnfc\n");
        File.WriteAllText(Path.Combine(garden.Root, "content", "Cafe\u0301.md"), "---\npublish: true\n---\nnfd\n");
        var result = BuildWithin(garden);
        Assert.True(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "SG0102");
        Assert.True(garden.Exists("/café/index.html"));
    }

    [Fact]
    public void A_private_nfc_twin_never_pushes_out_the_public_note()
    {
        // Shrunk from a random-vault case: the private NFD file sorts first, and once decided that the vault loader
        // kept only the first of two names that normalise alike, the public note vanished.
        using var garden = TestGarden.Create("");
        File.WriteAllText(Path.Combine(garden.Root, "content", "Cafe\u0301.md"), "---\npublish: false\n---\nprivate twin\n");
        File.WriteAllText(Path.Combine(garden.Root, "content", "Caf\u00e9.md"), "---\npublish: true\n---\npublic twin\n");
        var result = BuildWithin(garden);
        Assert.True(result.Succeeded);
        Assert.Contains("public twin", garden.Html("/café/").Body!.TextContent);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "SG0102");
    }

    [Theory]
    [InlineData("title: {{date}}\npublish: true")]
    [InlineData("publish: true\n\ttags: x")]
    [InlineData("publish: true\ntitle: \"unclosed")]
    public void Broken_headers_keep_the_note_private_and_the_build_going(string header)
    {
        using var garden = TestGarden.Create($"-- content/ok.md --\n---\npublish: true\n---\nfine\n-- content/bad.md --\n---\n{header}\n---\nsecret body\n");
        var result = BuildWithin(garden);
        Assert.True(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.File == "content/bad.md" && d.Line >= 2 && d.Code.StartsWith("SG03", StringComparison.Ordinal));
        Assert.False(garden.Exists("/bad/index.html"));
        Assert.True(garden.Exists("/ok/index.html"));
    }

    public static TheoryData<string, string> OversizedHeaders => new()
    {
        { "publish: true\nx: " + new string('[', 40) + new string(']', 40), "nested deeper" },
        { "publish: true\na: &a [x, x]\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"b{i}: *a\n")), "aliases" },
        { "publish: true\nx: [" + string.Join(",", Enumerable.Repeat("1", 25_000)) + "]", "too many values" },
    };

    [Theory]
    [MemberData(nameof(OversizedHeaders))]
    public void Deep_aliased_or_huge_yaml_keeps_the_note_private_at_the_line_where_it_goes_too_far(string header, string reason)
    {
        using var garden = TestGarden.Create($"-- content/ok.md --\n---\npublish: true\n---\nfine\n-- content/bad.md --\n---\n{header}\n---\nsecret body\n");
        var result = BuildWithin(garden);
        Assert.True(result.Succeeded);
        var problem = Assert.Single(result.Diagnostics, d => d.File == "content/bad.md");
        Assert.Equal("SG0303", problem.Code);
        Assert.Contains(reason, problem.Message);
        Assert.True(problem.Line >= 3, $"line {problem.Line}");
        Assert.False(garden.Exists("/bad/index.html"));
    }

    [Theory]
    [InlineData("{{ while true }}x{{ end }}")]
    [InlineData("{{ func f; f; end; f }}")]
    [InlineData("{{ include \"layouts/note.html\" }}")]
    public void Runaway_templates_are_stopped_with_a_located_error(string template)
    {
        using var garden = TestGarden.Create($"-- content/n.md --\n---\npublish: true\n---\nx\n-- templates/layouts/note.html --\n{template}\n");
        var result = BuildWithin(garden, 60);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code is "SG0600" && d.Message.StartsWith("templates/layouts/note.html:", StringComparison.Ordinal));
    }
}
