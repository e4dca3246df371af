using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Integration;

/// <summary>Every feed of a garden read back with a real feed library (System.ServiceModel.Syndication) and System.Text.Json.</summary>
public sealed class FeedReaderTests
{
    private const string Hostile = "]]></title><script>alert(1)</script>";

    private const string Garden = """
-- sitegen.yml --
title: Reader Garden
baseUrl: https://example.org/
-- content/A.md --
---
publish: true
title: "]]></title><script>alert(1)</script>"
tags: [a, a/b]
updated: 2024-01-02
---
A body with [[B]].
-- content/B.md --
---
publish: true
tags: [a/b]
updated: 2024-01-03
---
B body.
-- content/C.md --
---
publish: true
tags: [c]
updated: 2024-01-04
---
C body.
-- content/Dir/D.md --
---
publish: true
tags: [a]
updated: 2024-01-05
---
D body.
-- content/Dir/Sub/E.md --
---
publish: true
updated: 2024-01-06
---
E body.
-- content/Dir/Hidden.md --
---
tags: [a]
---
private
""";

    [Fact]
    public void Every_feed_parses_and_every_item_link_resolves_to_a_page()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        var feeds = TestGarden.Files(garden.Output).Where(f => f.EndsWith("index.xml", StringComparison.Ordinal) || f.EndsWith("atom.xml", StringComparison.Ordinal)).ToList();
        Assert.Equal(7 * 2, feeds.Count);
        foreach (var file in feeds)
        {
            using var reader = XmlReader.Create(Path.Combine(garden.Output, file));
            var feed = SyndicationFeed.Load(reader);
            foreach (var item in feed.Items)
            {
                var link = item.Links.First(l => l.RelationshipType is null or "alternate").Uri;
                Assert.True(garden.Exists(link.AbsolutePath + "index.html"), $"{file}: {link}");
                Assert.NotEqual(default, item.PublishDate);
            }
        }
        foreach (var file in TestGarden.Files(garden.Output).Where(f => f.EndsWith("feed.json", StringComparison.Ordinal)))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(garden.Output, file)));
            Assert.Equal("https://jsonfeed.org/version/1.1", json.RootElement.GetProperty("version").GetString());
            foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
            {
                var url = new Uri(item.GetProperty("url").GetString()!);
                Assert.True(garden.Exists(url.AbsolutePath + "index.html"), $"{file}: {url}");
                Assert.True(DateTimeOffset.TryParse(item.GetProperty("date_modified").GetString(), out _));
                Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
            }
        }
    }

    [Fact]
    public void A_hostile_title_round_trips_as_text_in_all_three_formats()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        using (var reader = XmlReader.Create(Path.Combine(garden.Output, "index.xml")))
            Assert.Contains(SyndicationFeed.Load(reader).Items, i => i.Title.Text == Hostile);
        using (var reader = XmlReader.Create(Path.Combine(garden.Output, "atom.xml")))
            Assert.Contains(SyndicationFeed.Load(reader).Items, i => i.Title.Text == Hostile);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(garden.Output, "feed.json")));
        Assert.Contains(json.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == Hostile);
    }

    [Theory]
    [InlineData("tags/a/", new[] { "D", "B", Hostile })]
    [InlineData("tags/a/b/", new[] { "B", Hostile })]
    [InlineData("tags/c/", new[] { "C" })]
    [InlineData("dir/", new[] { "D" })]
    [InlineData("dir/sub/", new[] { "E" })]
    public void Tag_and_folder_feeds_hold_exactly_their_public_notes(string folder, string[] titles)
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        using var reader = XmlReader.Create(Path.Combine(garden.Output, folder, "index.xml"));
        Assert.Equal(titles, SyndicationFeed.Load(reader).Items.Select(i => i.Title.Text));
    }
}
