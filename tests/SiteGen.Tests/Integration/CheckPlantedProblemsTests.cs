using System.Text.Json;
using System.Text.RegularExpressions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Integration;

/// <summary>
/// One garden with exactly one of each problem issue #6 asks <c>sitegen check</c> to find. The text and the JSON report
/// must both list exactly that set, each at its file, line and column, and nothing else.
/// </summary>
public sealed partial class CheckPlantedProblemsTests
{
    // Line numbers below are the lines of content/index.md as written here (its front matter is lines 1-3).
    private const string Garden = """
-- sitegen.yml --
title: Planted
colour: blue
-- content/index.md --
---
publish: true
---
Welcome.

See [[Missing Note]] first.
Then [[Twin]], [[a/Twin]] and [[b/Twin]].
Also [[Private Plan|the plan]].

![[nowhere.png]]
![[here.png]]
[[Clash]] [[Fresh]]
-- content/attachments/here.png --
PNG
-- content/Linked.md --
---
publish: true
---
the note whose address Clash takes [[index]]
-- content/Clash.md --
---
publish: true
permalink: linked
---
[[index]]
-- content/Lonely.md --
---
publish: true
---
no one links here, though it links out [[index]]
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
publish: true
title: a: b
---
x
-- content/Fresh.md --
---
publish: false
---
fresh [[index]]
""";

    /// <summary>severity, code, file, line, column (0 when absent), and a piece of the message.</summary>
    private static readonly (string Severity, string Code, string File, int Line, int Column, string Says)[] Planted =
    [
        ("warning", "SG0501", "content/index.md", 6, 5, "'Missing Note' matches no public note"),        // unresolved link
        ("warning", "SG0506", "content/index.md", 7, 6, "'Twin' is ambiguous (a/Twin.md, b/Twin.md)"),   // ambiguous, with candidates
        ("warning", "SG0502", "content/index.md", 8, 6, "link to a private note"),                         // public -> private
        ("warning", "SG0501", "content/index.md", 10, 1, "'nowhere.png' matches no public note or attachment"), // missing attachment
        ("error", "SG0404", "content/Linked.md", 0, 0, "'content/Linked.md' and 'content/Clash.md' both want the address /linked/"), // collision
        ("warning", "SG0520", "content/Lonely.md", 0, 0, "orphan"),                                        // orphan public note
        ("warning", "SG0305", "content/Broken.md", 3, 0, "front matter does not parse"),                  // bad front matter
        ("warning", "SG0203", "sitegen.yml", 2, 1, "unknown configuration key 'colour'"),                 // unknown config key
        ("info", "SG0530", "content/Fresh.md", 0, 0, "public now but was not at the last commit"),         // newly public
    ];

    [Fact]
    public void Text_and_json_reports_list_exactly_the_planted_problems_at_their_file_and_line()
    {
        using var garden = Planted_garden();

        var (code, text, _) = SitegenProcess.Run($"check \"{garden.Root}\"", garden.Root);
        Assert.Equal(1, code);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal("6 public notes checked: 1 errors, 7 warnings, 1 notices", lines[^1]);
        var fromText = lines[..^1].Select(ParseLine).ToList();
        AssertExactlyPlanted(fromText, "text");

        var (jsonCode, json, _) = SitegenProcess.Run($"check \"{garden.Root}\" --format json", garden.Root);
        Assert.Equal(1, jsonCode);
        using var document = JsonDocument.Parse(json);
        var fromJson = document.RootElement.EnumerateArray().Select(d => (
            Severity: d.GetProperty("severity").GetString()!,
            Code: d.GetProperty("code").GetString()!,
            File: d.TryGetProperty("file", out var f) ? f.GetString()! : "",
            Line: d.TryGetProperty("line", out var l) ? l.GetInt32() : 0,
            Column: d.TryGetProperty("column", out var c) ? c.GetInt32() : 0,
            Message: d.GetProperty("message").GetString()!)).ToList();
        AssertExactlyPlanted(fromJson, "json");
        Assert.Equal(fromText, fromJson);

        Assert.False(Directory.Exists(garden.Output), "check must write nothing");
    }

    [Fact]
    public void In_ci_the_planted_set_is_the_same_but_private_notes_are_named_by_hash()
    {
        using var garden = Planted_garden();
        var (code, text, stderr) = SitegenProcess.Run($"check \"{garden.Root}\"", garden.Root, ("CI", "true"));
        Assert.Equal(1, code);
        Assert.DoesNotContain("Private Plan", text + stderr);
        Assert.DoesNotContain("Broken", text + stderr);
        var found = text.TrimEnd('\n').Split('\n')[..^1].Select(ParseLine).ToList();
        Assert.Equal(Planted.Select(p => p.Code).Order(StringComparer.Ordinal), found.Select(f => f.Code).Order(StringComparer.Ordinal));
        Assert.Matches(@"^note#[0-9a-f]{8}$", found.Single(f => f.Code == "SG0305").File);
        Assert.Matches(@"link to a private note \(note#[0-9a-f]{8}\)", found.Single(f => f.Code == "SG0502").Message);
    }

    [Fact]
    public void Strict_mode_fails_on_warnings_alone_and_plain_mode_does_not()
    {
        // Without the collision (the one error) the planted warnings remain.
        using var garden = Planted_garden();
        garden.Write("-- content/Clash.md --\n---\npublish: true\n---\n[[index]]\n");
        Assert.Equal(0, SitegenProcess.Run($"check \"{garden.Root}\"", garden.Root).Code);
        Assert.Equal(1, SitegenProcess.Run($"check \"{garden.Root}\" --strict", garden.Root).Code);
        Assert.Equal(1, SitegenProcess.Run($"check \"{garden.Root}\" --strict --format json", garden.Root).Code);
    }

    [Fact]
    public void Missing_attachments_are_reported_at_each_embed_or_link_and_present_ones_are_not()
    {
        using var garden = TestGarden.Create("""
-- sitegen.yml --
publish:
  exclude: ["private/**"]
-- content/index.md --
---
publish: true
---
![[gone.png]]
Inline ![[gone-too.jpg|300]] embed.
![alt](img/gone.png)
[a pdf](docs/gone.pdf)
![[present.png]]
![[present.png|200]]
![[hidden.png]]
![[gone.mp3]]
-- content/attachments/present.png --
PNG
-- content/private/hidden.png --
PNG
""");
        var (_, json, _) = SitegenProcess.Run($"check \"{garden.Root}\" --format json", garden.Root);
        using var document = JsonDocument.Parse(json);
        var found = document.RootElement.EnumerateArray()
            .Select(d => $"{d.GetProperty("file").GetString()}:{d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()} {d.GetProperty("code").GetString()} {d.GetProperty("message").GetString()}")
            .ToList();
        // An attachment in an excluded folder is exactly as missing as one that does not exist.
        Assert.Equal(
        [
            "content/index.md:4:1 SG0501 link target 'gone.png' matches no public note or attachment",
            "content/index.md:5:8 SG0501 link target 'gone-too.jpg' matches no public note or attachment",
            "content/index.md:6:1 SG0501 link target 'img/gone.png' matches no public note or attachment",
            "content/index.md:7:1 SG0501 link target 'docs/gone.pdf' matches no public note or attachment",
            "content/index.md:10:1 SG0501 link target 'hidden.png' matches no public note or attachment",
            "content/index.md:11:1 SG0501 link target 'gone.mp3' matches no public note or attachment",
        ], found);
    }

    [Fact]
    public void Links_inside_callouts_are_reported_at_their_own_line()
    {
        using var garden = TestGarden.Create("-- content/index.md --\n---\npublish: true\n---\n> [!note] Title [[In Title]]\n> body [[In Body]]\n");
        var (_, text, _) = SitegenProcess.Run($"check \"{garden.Root}\"", garden.Root);
        Assert.Contains("content/index.md:4:", text);
        Assert.Contains("content/index.md:5:8: warning SG0501: link target 'In Body'", text);
    }

    [Fact]
    public void A_link_in_a_callout_title_is_reported_at_its_column_in_the_line()
    {
        using var garden = TestGarden.Create("-- content/index.md --\n---\npublish: true\n---\n> [!note] Title [[In Title]]\n");
        var (_, text, _) = SitegenProcess.Run($"check \"{garden.Root}\"", garden.Root);
        Assert.Contains("content/index.md:4:17: warning SG0501: link target 'In Title'", text);
    }

    [Fact]
    public void A_collision_is_not_reported_again_as_an_unresolved_link()
    {
        using var garden = TestGarden.Create("-- content/index.md --\n---\npublish: true\n---\n[[Linked]] [[Clash]]\n-- content/Linked.md --\n---\npublish: true\n---\nx\n-- content/Clash.md --\n---\npublish: true\npermalink: linked\n---\ny\n");
        var (_, text, _) = SitegenProcess.Run($"check \"{garden.Root}\"", garden.Root);
        Assert.Contains("error SG0404", text);
        Assert.DoesNotContain("link target 'Linked'", text);
    }

    private static TestGarden Planted_garden()
    {
        var garden = TestGarden.Create(Garden);
        // Fresh.md was private at the last commit and is public now.
        SitegenProcess.Git(garden.Root, "init -q");
        SitegenProcess.Commit(garden.Root, "2024-01-01T00:00:00Z", "first");
        garden.Write("-- content/Fresh.md --\n---\npublish: true\n---\nfresh [[index]]\n");
        return garden;
    }

    private static void AssertExactlyPlanted(List<(string Severity, string Code, string File, int Line, int Column, string Message)> found, string format)
    {
        var unexpected = found.Where(f => !Planted.Any(p => Matches(p, f))).ToList();
        var missing = Planted.Where(p => !found.Any(f => Matches(p, f))).ToList();
        Assert.True(unexpected.Count == 0 && missing.Count == 0 && found.Count == Planted.Length,
            $"{format}: unexpected [{string.Join("; ", unexpected)}], missing [{string.Join("; ", missing)}]");
    }

    private static bool Matches((string Severity, string Code, string File, int Line, int Column, string Says) planted, (string Severity, string Code, string File, int Line, int Column, string Message) found) =>
        planted.Severity == found.Severity && planted.Code == found.Code && planted.File == found.File && planted.Line == found.Line
        && planted.Column == found.Column && found.Message.Contains(planted.Says, StringComparison.Ordinal);

    private static (string Severity, string Code, string File, int Line, int Column, string Message) ParseLine(string line)
    {
        var match = DiagnosticLine().Match(line);
        Assert.True(match.Success, $"not a diagnostic line: {line}");
        static int Number(Group g) => g.Success ? int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (match.Groups["severity"].Value, match.Groups["code"].Value, match.Groups["file"].Value, Number(match.Groups["line"]), Number(match.Groups["column"]), match.Groups["message"].Value);
    }

    [GeneratedRegex(@"^(?<file>[^:]+)(?::(?<line>\d+)(?::(?<column>\d+))?)?: (?<severity>error|warning|info) (?<code>SG\d{4}): (?<message>.*)$")]
    private static partial Regex DiagnosticLine();
}
