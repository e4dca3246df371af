using SiteGen.Tests.Support;

namespace SiteGen.Tests.Integration;

/// <summary>Backlinks, tags, folders, embeds, aliases, permalinks and the base path, checked in the parsed HTML.</summary>
public sealed class GardenTests
{
    private const string Garden = """
-- sitegen.yml --
title: Test Garden
baseUrl: https://example.org/garden/
-- content/index.md --
---
publish: true
title: Welcome
---
Start at [[Seeds]] or the [[Ideas]] folder.
-- content/Seeds.md --
---
publish: true
tags: [Garden, garden/soil]
aliases: [Seedlings, "Old Seeds"]
created: 2024-01-01
updated: 2024-02-01
---
# Seeds
Everything starts small. #Garden/Soil #topic

## How large is it?
Tiny. ^size

Self link to [[#How large is it?]].
-- content/Ideas/Big Idea.md --
---
publish: true
tags: garden
updated: 2024-03-01
---
A long paragraph mentioning [[Seeds|the seeds page]] right here, and [[Seeds]] again.

![[Seeds#How large is it?]]

![[Seeds#^size]]

![[pic.png|300x200]]

[[Seeds#^size|block link]] and [[Seeds#Nope]] and [md link](../Seeds.md#how-large-is-it)
-- content/Ideas/index.md --
---
publish: true
title: All Ideas
---
The ideas folder text.
-- content/Ideas/Sub/Deep.md --
---
publish: true
permalink: /deep-thought
---
Deep [[Loop]] ![[Loop]]
-- content/Loop.md --
---
publish: true
---
Loop body ![[Loop]] ![[Deep]]
-- content/Secret.md --
---
publish: false
tags: [garden]
---
Private link to [[Seeds]].
-- content/Ideas/pic.png --
png
""";

    [Fact]
    public void Backlinks_list_each_public_linking_note_once_with_a_snippet()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        var items = garden.Html("/seeds/").QuerySelectorAll("[data-backlinks] li");
        var titles = items.Select(li => li.QuerySelector("a")!.TextContent).ToList();
        Assert.Equal(["Big Idea", "Welcome"], titles);
        var snippet = items[0].QuerySelector(".backlink-snippet")!.TextContent;
        Assert.Contains("the seeds page", snippet);
        Assert.Equal("/garden/ideas/big-idea/", items[0].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Tags_merge_case_and_count_nested_tags_for_their_parents()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        var index = garden.Html("/tags/");
        var counts = index.QuerySelectorAll("main a.tag").ToDictionary(a => a.TextContent.TrimStart('#'), a => a.ParentElement!.TextContent);
        Assert.Contains("garden", counts.Keys);
        Assert.Contains("garden/soil", counts.Keys);
        Assert.DoesNotContain("Garden", counts.Keys);
        var gardenPage = garden.Html("/tags/garden/");
        var listed = gardenPage.QuerySelectorAll("main .note-list > li .note-item-title").Select(a => a.TextContent).ToList();
        Assert.Equal(["Big Idea", "Seeds"], listed);
        Assert.Contains(gardenPage.QuerySelectorAll("main .child-tags a.tag"), a => a.GetAttribute("href") == "/garden/tags/garden/soil/");
        Assert.Equal("/garden/tags/garden/soil/", garden.Html("/seeds/").QuerySelectorAll("article a.tag").First(a => a.TextContent == "#Garden/Soil").GetAttribute("href"));
    }

    [Fact]
    public void An_overridden_note_item_draws_the_notes_of_every_listing()
    {
        using var garden = TestGarden.Create(Garden);
        garden.Write("-- templates/partials/note-item.html --\n<li class=\"custom-item\" data-url=\"{{ note.url }}\">{{ note.title }} in {{ site.title }}</li>\n");
        garden.BuildOk();
        foreach (var (page, expected) in new[] { ("/tags/garden/", new[] { "Big Idea", "Seeds" }), ("/ideas/", ["Big Idea"]) })
        {
            var items = garden.Html(page).QuerySelectorAll("main .note-list > li");
            Assert.All(items, li => Assert.Equal("custom-item", li.ClassName));
            Assert.Equal(expected.Select(t => $"{t} in Test Garden"), items.Select(li => li.TextContent));
        }
        var home = garden.Html("/").QuerySelectorAll("main .note-list > li.custom-item").Select(li => li.GetAttribute("data-url")).ToList();
        Assert.Contains("/garden/seeds/", home);
        Assert.DoesNotContain(home, url => url!.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Folder_pages_list_their_notes_and_take_text_from_the_folder_index_note()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        var folder = garden.Html("/ideas/");
        Assert.Contains("The ideas folder text.", folder.QuerySelector("main")!.TextContent);
        Assert.Contains(folder.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/garden/ideas/big-idea/");
        Assert.Contains(folder.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/garden/ideas/sub/");
        Assert.False(garden.Exists("/ideas/index/index.html"));
        Assert.True(garden.Exists("/ideas/sub/index.html"));
    }

    [Fact]
    public void Embeds_transclude_sections_and_blocks_size_images_and_cut_cycles()
    {
        using var garden = TestGarden.Create(Garden);
        var result = garden.BuildOk();
        var page = garden.Html("/ideas/big-idea/");
        var transclusions = page.QuerySelectorAll(".transclusion");
        Assert.Equal(2, transclusions.Length);
        Assert.Contains("Tiny.", transclusions[0].TextContent);
        Assert.DoesNotContain("Everything starts small", transclusions[0].TextContent);
        Assert.Equal("^size", transclusions[1].QuerySelector("[id]")!.GetAttribute("id"));
        var image = page.QuerySelector("img[src='/garden/ideas/pic.png']")!;
        Assert.Equal("300", image.GetAttribute("width"));
        Assert.Equal("200", image.GetAttribute("height"));
        Assert.True(garden.Exists("/ideas/pic.png"));
        var loop = garden.Html("/loop/");
        Assert.NotEmpty(loop.QuerySelectorAll(".embed.unresolved"));
        Assert.Contains(result.Diagnostics, d => d.Code == "SG0505" && d.Message.Contains("#Nope", StringComparison.Ordinal));
    }

    [Fact]
    public void Heading_and_block_links_reach_the_ids_the_headings_and_blocks_carry()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        var links = garden.Html("/ideas/big-idea/").QuerySelectorAll("main a.internal").GroupBy(a => a.TextContent).ToDictionary(g => g.Key, g => g.First().GetAttribute("href"), StringComparer.Ordinal);
        Assert.Equal("/garden/seeds/#^size", links["block link"]);
        Assert.Equal("/garden/seeds/#how-large-is-it", links["md link"]);
        var seeds = garden.Html("/seeds/");
        Assert.NotNull(seeds.GetElementById("how-large-is-it"));
        Assert.NotNull(seeds.GetElementById("^size"));
        Assert.Contains(seeds.QuerySelectorAll("main a.internal"), a => a.GetAttribute("href") == "/garden/seeds/#how-large-is-it");
    }

    [Fact]
    public void Aliases_get_redirect_pages_and_permalinks_set_the_address()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        var refresh = garden.Html("/seedlings/").QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content");
        Assert.EndsWith("/garden/seeds/", refresh);
        Assert.True(garden.Exists("/old-seeds/index.html"));
        Assert.True(garden.Exists("/deep-thought/index.html"));
        Assert.False(garden.Exists("/ideas/sub/deep/index.html"));
    }

    [Fact]
    public void Every_internal_address_carries_the_base_path()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        foreach (var file in TestGarden.Files(garden.Output).Where(f => f.EndsWith(".html", StringComparison.Ordinal) && f != "explorer.html"))
        {
            var document = garden.Html("/" + file);
            foreach (var element in document.QuerySelectorAll("a[href^='/'], link[href^='/'], script[src^='/'], img[src^='/']"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                Assert.True(url.StartsWith("/garden/", StringComparison.Ordinal), $"{file}: {url}");
            }
        }
    }

    [Fact]
    public void A_private_note_adds_no_backlink_tag_count_or_page()
    {
        using var garden = TestGarden.Create(Garden);
        garden.BuildOk();
        Assert.False(garden.Exists("/secret/index.html"));
        Assert.DoesNotContain(garden.Html("/seeds/").QuerySelectorAll("[data-backlinks] a"), a => a.TextContent == "Secret");
        Assert.Equal(2, garden.Html("/tags/garden/").QuerySelectorAll("main .note-list > li").Length);
    }

    [Fact]
    public void Titles_are_escaped_in_every_page()
    {
        using var garden = TestGarden.Create("-- content/x.md --\n---\npublish: true\ntitle: \"<script>alert(1)</script>\"\ntags: [\"<b>\"]\n---\nbody\n-- content/y.md --\n---\npublish: true\n---\n[[x]]\n");
        garden.BuildOk();
        foreach (var path in new[] { "/x/", "/y/", "/", "/tags/" })
        {
            var page = garden.Html(path);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.DoesNotContain("alert", s.TextContent));
        }
        Assert.Equal("<script>alert(1)</script>", garden.Html("/x/").QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void A_vault_folder_named_tags_is_fine_until_a_note_lands_on_a_generated_page()
    {
        using var garden = TestGarden.Create("-- content/Tags/Reading List.md --\n---\npublish: true\n---\nbooks\n-- content/index.md --\n---\npublish: true\ntags: [reading]\n---\nhome\n");
        garden.BuildOk();
        Assert.True(garden.Exists("/tags/reading-list/index.html"));
        Assert.True(garden.Exists("/tags/reading/index.html"));

        garden.Write("-- content/Tags/Reading.md --\n---\npublish: true\n---\nclashes with the tag page\n-- content/Search.md --\n---\npublish: true\n---\nclashes with the search page\n");
        var result = garden.Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "SG0801" && d.Message.Contains("Tags/Reading.md", StringComparison.Ordinal) && d.Message.Contains("tag page for #reading", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == "SG0403" && d.File == "content/Search.md");
    }
}
