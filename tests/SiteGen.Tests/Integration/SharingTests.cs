using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Integration;

/// <summary>Feeds in three formats for site, tags, folders and the tended stream; sitemap, robots, meta tags and microformats.</summary>
public sealed class SharingTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    private const string Garden = """
-- sitegen.yml --
title: Feed Garden
baseUrl: https://example.org/garden/
feeds:
  limit: 2
-- content/Old.md --
---
publish: true
tags: [topic, archive]
created: 2024-01-01
updated: 2024-01-01
status: evergreen
---
Old note with a [[New|link]] and ![[pic.png]].
-- content/New.md --
---
publish: true
tags: [topic/sub]
created: 2024-03-01
updated: 2024-03-05
description: "Fresh & <new> ]]> \u0001"
status: seedling
---
New note body.
-- content/Middle.md --
---
publish: true
tags: [topic]
created: 2024-02-01
updated: 2024-02-01
---
Middle.
-- content/Quiet.md --
---
publish: true
feed: false
updated: 2025-01-01
---
Not in feeds.
-- content/Folder/Inside.md --
---
publish: true
updated: 2023-01-01
---
Inside a folder.
-- content/Secret.md --
---
publish: false
tags: [topic]
updated: 2099-01-01
---
zqsecret01
-- content/pic.png --
png
""";

    [Fact]
    public void Rss_items_are_the_newest_public_notes_with_full_absolute_content()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        var rss = XDocument.Load(Path.Combine(garden.Output, "index.xml"));
        var items = rss.Descendants("item").ToList();
        Assert.Equal(["New", "Middle"], items.Select(i => i.Element("title")!.Value));
        var first = items[0];
        Assert.Equal("https://example.org/garden/new/", first.Element("link")!.Value);
        Assert.Equal("https://example.org/garden/new/", first.Element("guid")!.Value);
        Assert.Equal("Fresh & <new> ]]> ", first.Element("description")!.Value);
        Assert.Equal(["topic/sub", "status:seedling"], first.Elements("category").Select(c => c.Value));
        Assert.Equal("Fri, 01 Mar 2024 00:00:00 GMT", first.Element("pubDate")!.Value);
        Assert.True(DateTimeOffset.TryParseExact(rss.Descendants("lastBuildDate").Single().Value, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var built));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero), built);
        var tagFeed = XDocument.Load(Path.Combine(garden.Output, "tags", "archive", "index.xml"));
        var old = tagFeed.Descendants("item").Single(i => i.Element("title")!.Value == "Old");
        var html = old.Element(Content + "encoded")!.Value;
        Assert.Contains("href=\"https://example.org/garden/new/\"", html);
        Assert.Contains("src=\"https://example.org/garden/pic.png\"", html);
    }

    [Fact]
    public void Item_content_that_holds_a_cdata_end_comes_out_of_every_feed_as_the_page_has_it()
    {
        // Feeds carry content as CDATA; raw HTML (trusted) can hold "]]>", which must not end the section early.
        using var garden = TestGarden.Create(
            "-- sitegen.yml --\nbaseUrl: https://example.org/\nmarkdown:\n  trustHtml: true\n"
            + "-- content/note.md --\n---\npublish: true\n---\nBefore <span title=\"]]>\">x ]]&gt; y</span> after\n");
        garden.BuildOk();
        Assert.Contains("<span title=\"]]>\">x ]]&gt; y</span>", File.ReadAllText(Path.Combine(garden.Output, "note", "index.html")));
        var rss = XDocument.Load(Path.Combine(garden.Output, "index.xml")).Descendants(Content + "encoded").Single().Value;
        var atom = XDocument.Load(Path.Combine(garden.Output, "atom.xml")).Descendants(Atom + "content").Single().Value;
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(garden.Output, "feed.json")));
        var jsonHtml = json.RootElement.GetProperty("items")[0].GetProperty("content_html").GetString()!;
        foreach (var html in new[] { rss, atom, jsonHtml })
        {
            Assert.Contains("<span title=\"]]>\">x ]]&gt; y</span>", html);
            Assert.EndsWith("after</p>", html.Trim());
        }
    }

    [Fact]
    public void Atom_and_json_feeds_carry_the_same_items_with_rfc3339_dates()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        var atom = XDocument.Load(Path.Combine(garden.Output, "atom.xml"));
        var entries = atom.Descendants(Atom + "entry").ToList();
        Assert.Equal(["New", "Middle"], entries.Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal("2024-03-05T00:00:00Z", entries[0].Element(Atom + "updated")!.Value);
        Assert.Equal("2024-03-05T00:00:00Z", atom.Root!.Element(Atom + "updated")!.Value);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(garden.Output, "feed.json")));
        Assert.Equal("https://jsonfeed.org/version/1.1", json.RootElement.GetProperty("version").GetString());
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["New", "Middle"], items.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal("2024-03-01T00:00:00Z", items[0].GetProperty("date_published").GetString());
        Assert.Contains("<p>New note body.</p>", items[0].GetProperty("content_html").GetString());
    }

    [Fact]
    public void Tag_folder_and_tended_feeds_exist_in_three_formats_and_exclude_opted_out_notes()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        foreach (var folder in new[] { "", "tags/topic/", "tags/topic/sub/", "folder/", "tended/" })
        {
            XDocument.Load(Path.Combine(garden.Output, folder, "index.xml"));
            XDocument.Load(Path.Combine(garden.Output, folder, "atom.xml"));
            JsonDocument.Parse(File.ReadAllBytes(Path.Combine(garden.Output, folder, "feed.json"))).Dispose();
        }
        Assert.Equal(["Inside"], XDocument.Load(Path.Combine(garden.Output, "folder", "index.xml")).Descendants("item").Select(i => i.Element("title")!.Value));
        foreach (var file in TestGarden.Files(garden.Output).Where(f => f.EndsWith(".xml", StringComparison.Ordinal) && !f.StartsWith("sitemap", StringComparison.Ordinal)))
            Assert.DoesNotContain("Not in feeds", File.ReadAllText(Path.Combine(garden.Output, file)));
    }

    [Theory]
    [InlineData("limit: 3\n  topicLimit: 1", 3, 1, 1)]
    [InlineData("limit: 3", 3, 3, 2)]
    [InlineData("limit: 50", 5, 3, 2)]
    [InlineData("limit: 2\n  topicLimit: 5", 2, 3, 2)]
    public void Tag_and_folder_feeds_hold_the_topic_limit_while_the_site_and_tended_feeds_hold_the_limit(string feeds, int siteItems, int topicItems, int folderItems)
    {
        const string second = "-- content/Folder/Second.md --\n---\npublish: true\nupdated: 2023-02-01\n---\nSecond in a folder.\n";
        using var garden = TestGarden.Create(Garden.Replace("  limit: 2", "  " + feeds, StringComparison.Ordinal).Replace("-- content/pic.png --", second + "-- content/pic.png --", StringComparison.Ordinal));
        garden.BuildOk();
        int Items(string folder, string file) => file == "feed.json"
            ? JsonDocument.Parse(File.ReadAllBytes(Path.Combine(garden.Output, folder, file))).RootElement.GetProperty("items").GetArrayLength()
            : XDocument.Load(Path.Combine(garden.Output, folder, file)).Root!.Descendants().Count(e => e.Name.LocalName is "item" or "entry");
        foreach (var file in new[] { "index.xml", "atom.xml", "feed.json" })
        {
            Assert.Equal(siteItems, Items("", file));
            Assert.Equal(siteItems, Items("tended/", file));
            // #topic holds Old, New (through topic/sub) and Middle, newest first.
            Assert.Equal(topicItems, Items("tags/topic/", file));
            Assert.Equal(folderItems, Items("folder/", file));
        }
        var titles = XDocument.Load(Path.Combine(garden.Output, "tags/topic/index.xml")).Descendants("item").Select(i => i.Element("title")!.Value);
        Assert.Equal(new[] { "New", "Middle", "Old" }.Take(topicItems), titles);
    }

    [Fact]
    public void Private_notes_reach_no_feed_sitemap_or_date()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        foreach (var file in TestGarden.Files(garden.Output))
        {
            var text = File.ReadAllText(Path.Combine(garden.Output, file));
            Assert.DoesNotContain("zqsecret01", text);
            Assert.DoesNotContain("2099-01", text);
            Assert.DoesNotContain("01 Jan 2099", text);
        }
    }

    [Fact]
    public void Pages_link_their_feeds_for_autodiscovery()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        string[] Alternates(string path) => garden.Html(path).QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")!).ToArray();
        Assert.Contains("/garden/index.xml", Alternates("/new/"));
        Assert.Contains("/garden/tags/topic/atom.xml", Alternates("/tags/topic/"));
        Assert.Contains("/garden/folder/feed.json", Alternates("/folder/"));
        Assert.Contains("/garden/tended/index.xml", Alternates("/tended/"));
    }

    [Fact]
    public void The_tended_page_streams_notes_newest_first_marked_new_or_updated()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        var items = garden.Html("/tended/").QuerySelectorAll("main li.note-item");
        Assert.Equal(["Quiet", "New", "Middle", "Old", "Inside"], items.Select(li => li.QuerySelector(".note-item-title")!.TextContent));
        Assert.Equal("updated", items[1].GetAttribute("data-change"));
        Assert.Equal("new", items[2].GetAttribute("data-change"));
        Assert.Equal("seedling", items[1].GetAttribute("data-status"));
    }

    [Fact]
    public void Maturity_shows_as_a_badge_and_tag_listings_can_filter_by_it()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        Assert.Equal("seedling", garden.Html("/new/").QuerySelector("article .status")!.TextContent.Trim());
        var tag = garden.Html("/tags/topic/");
        Assert.NotNull(tag.QuerySelector("[data-status-filter] button[data-status-value=evergreen]"));
        Assert.Equal("evergreen", tag.QuerySelectorAll("main .note-list > li").Single(li => li.TextContent.Contains("Old", StringComparison.Ordinal)).GetAttribute("data-status"));
    }

    [Fact]
    public void Sitemap_robots_meta_tags_and_microformats_describe_the_site()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = XDocument.Load(Path.Combine(garden.Output, "sitemap.xml")).Descendants(sm + "url")
            .ToDictionary(u => u.Element(sm + "loc")!.Value, u => u.Element(sm + "lastmod")?.Value);
        Assert.Equal("2024-03-05T00:00:00Z", urls["https://example.org/garden/new/"]);
        Assert.DoesNotContain(urls.Keys, u => u.Contains("secret", StringComparison.Ordinal));
        Assert.Contains("Sitemap: https://example.org/garden/sitemap.xml", File.ReadAllText(Path.Combine(garden.Output, "robots.txt")));

        var page = garden.Html("/new/");
        Assert.Equal("https://example.org/garden/new/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("Fresh & <new> ]]> \u0001", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        Assert.Equal("New", page.QuerySelector("meta[name='twitter:title']")!.GetAttribute("content"));
        Assert.Equal("Old note with a link and .", garden.Html("/old/").QuerySelector("meta[name=description]")!.GetAttribute("content"));
        var entry = page.QuerySelector(".h-entry")!;
        Assert.Equal("New", entry.QuerySelector(".p-name")!.TextContent);
        Assert.Equal("2024-03-01", entry.QuerySelector(".dt-published")!.GetAttribute("datetime"));
        Assert.Equal("2024-03-05", entry.QuerySelector(".dt-updated")!.GetAttribute("datetime"));
        Assert.Equal("https://example.org/garden/new/", entry.QuerySelector(".u-url")!.GetAttribute("href"));
        Assert.Equal("#topic/sub", entry.QuerySelector(".p-category")!.TextContent);
        Assert.Contains("New note body.", entry.QuerySelector(".e-content")!.TextContent);
        Assert.True(garden.Exists("/404.html"));
    }
}
