using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Integration;

/// <summary>
/// The leak vault of RELIABILITY.md (b): canaries on every private field, scanned in every output file and
/// file name (raw and decoded), in both publish modes; and non-interference, byte for byte.
/// </summary>
public sealed partial class PrivacyTests
{
    private const string Vault = """
-- content/Private/zqa1file01.md --
zqa1body01 #zqa1tag01

## zqa1head01

zqa1blk01 paragraph ^zqa1blk01

zqa1ctx01 see [[Public A]]

![[zqa1img01.png]]
![[both.png]]
-- content/Private/zqa1img01.png --
zqa1imgbytes01
-- content/Private/zqa2file01.md --
---
publish: false
title: zqa2title01
tags: [shared, zqa2tag01]
aliases: [zqa2alias01]
description: zqa2desc01
date: 2099-01-01
---
zqa2body01 [[Public A]]
-- content/Public A.md --
---
publish: true
tags: [shared]
related: "[[zqa2file01|rel]]"
---
Links: [[zqa2file01|see note]], [[zqa1file01#zqa1head01|x]], [[Plain Private]], [[Missing Note]].

![[zqa1file01]]

![[zqa1file01#zqa1head01]]

![[zqa1file01#^zqa1blk01]]

![[both.png]]

![[../outside.txt]]

[[Ideas]] and [md](Private/zqa2file01.md)
-- content/Plain Private.md --
---
publish: false
---
zqa0plain01
-- content/Shared/both.png --
pngbytes
-- content/Private/zqa3orphan01.pdf --
zqa3pdf01
-- content/Folder zqa4fold01/only.md --
---
publish: false
---
zqa4body01
-- content/Mixed/pub.md --
---
publish: true
---
public mixed note
-- content/Mixed/zqa5file01.md --
zqa5body01
-- content/Plan.md --
---
publish: true
---
the public plan
-- content/Plan!.md --
zqa6body01
-- content/Ideas.md --
---
publish: true
---
public ideas
-- content/Private/Ideas.md --
zqa6ideas01
-- content/Flags/zqa7f01.md --
---
publish: "false"
---
zqa7body01
-- content/Flags/zqa7f02.md --
---
publish: yes
---
zqa7body02
-- content/Flags/zqa7f03.md --
---
publish: 1
---
zqa7body03
-- content/Flags/zqa7f04.md --
---
publish: [true]
---
zqa7body04
-- content/Flags/zqa7f05.md --
---
Publish: true
private: true
---
zqa7body05
-- content/Flags/zqa7f06.md --
---
publish: true
publish: true
---
zqa7body06
-- content/Flags/zqa7f07.md --
---
publish: ~
---
zqa7body07
-- content/Flags/zqa7f08.md --
---
publish:
---
zqa7body08
-- content/Flags/zqa7f09.md --
---
publish:true
---
zqa7body09
-- content/Flags/zqa7f10.md --
---
publish: true
zqa7body10
-- content/Flags/Counter1.md --
---
publish: "TRUE"
---
counter one
-- content/.trash/zqa8file01.md --
---
publish: true
---
zqa8body01
-- content/.obsidian/workspace.json --
{"zqa8ws01": true}
-- outside.txt --
zqa9out01
""";

    [Theory]
    [InlineData("explicit")]
    [InlineData("all")]
    public void No_canary_reaches_any_output_file_or_name(string mode)
    {
        using var garden = TestGarden.Create(Vault + (mode == "all" ? AllModeFixes : "") + $"-- sitegen.yml --\npublish:\n  mode: {mode}\n");
        garden.BuildOk();
        Assert.Empty(Leaks(garden.Output));
        // zqa2file01's date: it may not move lastBuildDate, a sitemap lastmod or any listing.
        Assert.DoesNotContain(TestGarden.Files(garden.Output), f => File.ReadAllText(Path.Combine(garden.Output, f)).Contains("2099-01", StringComparison.Ordinal) || File.ReadAllText(Path.Combine(garden.Output, f)).Contains("01 Jan 2099", StringComparison.Ordinal));
        Assert.True(garden.Exists("/public-a/index.html"));
        Assert.True(garden.Exists("/tended/index.html"));
        Assert.True(garden.Exists("/sitemap.xml"));
        Assert.True(garden.Exists("/tags/shared/feed.json"));
        Assert.True(garden.Exists("/graph.json"));
        Assert.True(garden.Exists("/explorer.html"));
        Assert.True(garden.Exists("/shared/both.png"));
        Assert.False(garden.Exists("/private/zqa3orphan01.pdf"));
    }

    [Theory]
    [InlineData("explicit")]
    [InlineData("all")]
    public void Build_is_byte_identical_with_private_notes_deleted(string mode)
    {
        var config = $"-- sitegen.yml --\npublish:\n  mode: {mode}\n";
        using var full = TestGarden.Create(Vault + (mode == "all" ? AllModeFixes : "") + config);
        full.BuildOk();
        using var pruned = TestGarden.Create(Vault + (mode == "all" ? AllModeFixes : "") + config);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(pruned.Root, "content"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(pruned.Root, path).Replace('\\', '/');
            var keep = relative is "content/Public A.md" or "content/Shared/both.png" or "content/Mixed/pub.md" or "content/Plan.md" or "content/Ideas.md" or "content/Flags/Counter1.md";
            if (!keep) File.Delete(path);
        }
        pruned.BuildOk();
        Assert.Equal(TestGarden.Manifest(full.Output), TestGarden.Manifest(pruned.Output));
    }

    [Fact]
    public void Links_and_embeds_to_private_notes_look_exactly_like_missing_ones()
    {
        using var garden = TestGarden.Create(Vault);
        garden.BuildOk();
        var page = garden.Html("/public-a/");
        var unresolved = page.QuerySelectorAll("article .internal.unresolved, main .internal.unresolved");
        var labels = unresolved.Select(e => e.TextContent).ToList();
        Assert.Contains("see note", labels);
        Assert.Contains("x", labels);
        Assert.Contains("Plain Private", labels);
        Assert.Contains("Missing Note", labels);
        Assert.Contains("md", labels);
        Assert.All(unresolved, e =>
        {
            Assert.Equal("SPAN", e.TagName);
            Assert.Equal(["class"], e.Attributes.Select(a => a.Name));
        });
        Assert.Equal(4, page.QuerySelectorAll(".embed.unresolved").Length);
        Assert.Equal("/ideas/", page.QuerySelectorAll("main a.internal").Single(a => a.TextContent == "Ideas").GetAttribute("href"));
        Assert.Contains("the public plan", garden.Html("/plan/").Body!.TextContent);
    }

    [Fact]
    public void The_graph_and_every_popover_target_hold_public_notes_only()
    {
        using var garden = TestGarden.Create(Vault);
        garden.BuildOk();
        var publicNotes = new[] { "/flags/counter1/", "/ideas/", "/mixed/pub/", "/plan/", "/public-a/" };

        using var graph = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(garden.Output, "graph.json")));
        var nodes = graph.RootElement.GetProperty("nodes").EnumerateArray()
            .Select(n => (Id: n.GetProperty("id").GetString()!, Type: n.GetProperty("type").GetString()!)).ToList();
        Assert.Equal(publicNotes, nodes.Where(n => n.Type == "note").Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["/tags/shared/"], nodes.Where(n => n.Type == "tag").Select(n => n.Id));
        var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(graph.RootElement.GetProperty("links").EnumerateArray(), l =>
        {
            Assert.Contains(l.GetProperty("source").GetString()!, ids);
            Assert.Contains(l.GetProperty("target").GetString()!, ids);
        });

        // A popover fetches the page behind an internal link and shows its content: each such link must lead to
        // a public note's page, never to anything made from a private note.
        var targets = TestGarden.Files(garden.Output).Where(f => f.EndsWith(".html", StringComparison.Ordinal) && f != "explorer.html")
            .SelectMany(f => garden.Html("/" + f).QuerySelectorAll("main a.internal[href], aside a.internal[href]"))
            .Select(a => a.GetAttribute("href")!.Split('#')[0])
            .Where(h => h.EndsWith('/'))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.Contains(t, publicNotes));
        Assert.All(targets, t => Assert.DoesNotMatch(CanaryPattern(), garden.Html(t).QuerySelector(".note-content")?.TextContent ?? ""));
    }

    [Fact]
    public void Ci_log_names_private_notes_by_hash_only()
    {
        using var garden = TestGarden.Create(Vault);
        var result = garden.Build(hidePrivateNames: true);
        var log = string.Join("\n", result.Diagnostics);
        Assert.DoesNotMatch(CanaryPattern(), log);
        Assert.Contains("note#", log);
    }

    // In 'all' mode a note without front matter is public, so the fixture's bare private notes opt out explicitly.
    private const string AllModeFixes = """
-- content/Private/zqa1file01.md --
---
private: true
---
zqa1body01 #zqa1tag01 zqa1ctx01 see [[Public A]] ![[zqa1img01.png]]
-- content/Mixed/zqa5file01.md --
---
publish: false
---
zqa5body01
-- content/Plan!.md --
---
draft: true
---
zqa6body01
-- content/Private/Ideas.md --
---
publish: no
---
zqa6ideas01
-- content/Flags/zqa7f05.md --
---
private: true
---
zqa7body05
""";

    private static List<string> Leaks(string site)
    {
        var hits = new List<string>();
        foreach (var file in TestGarden.Files(site))
        {
            if (CanaryPattern().IsMatch(file)) hits.Add("name: " + file);
            var raw = File.ReadAllText(Path.Combine(site, file));
            foreach (var view in Views(raw))
                if (CanaryPattern().Match(view) is { Success: true } match)
                {
                    hits.Add($"{file}: {match.Value}");
                    break;
                }
        }
        return hits;
    }

    private static IEnumerable<string> Views(string raw)
    {
        yield return raw;
        yield return WebUtility.HtmlDecode(raw);
        yield return JsonEscape().Replace(raw, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        yield return Uri.UnescapeDataString(raw.Replace("%%", "% %"));
        yield return raw.Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex("zq[a-z][0-9a-z]*[0-9]{2}", RegexOptions.IgnoreCase)]
    private static partial Regex CanaryPattern();

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex JsonEscape();
}
