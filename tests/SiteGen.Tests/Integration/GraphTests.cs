using System.Text.Json;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Integration;

/// <summary><c>graph.json</c> holds exactly the public notes and tags, and only edges between them.</summary>
public sealed class GraphTests
{
    [Fact]
    public void Graph_data_has_public_nodes_and_edges_only()
    {
        using var garden = TestGarden.Create("""
-- content/A.md --
---
publish: true
tags: [x]
---
[[B]] [[Secret]] ![[C]]
-- content/B.md --
---
publish: true
---
[[A]]
-- content/C.md --
---
publish: true
---
c
-- content/Secret.md --
---
publish: false
tags: [hidden]
---
[[A]] [[B]]
""");
        garden.BuildOk();
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(garden.Output, "graph.json")));
        var nodes = json.RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal(["/a/", "/b/", "/c/", "/tags/x/"], nodes);
        var links = json.RootElement.GetProperty("links").EnumerateArray()
            .Select(l => $"{l.GetProperty("source").GetString()}>{l.GetProperty("target").GetString()}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/a/>/b/", "/a/>/c/", "/a/>/tags/x/", "/b/>/a/"], links);
        Assert.NotNull(garden.Html("/a/").QuerySelector("[data-graph][data-graph-focus='/a/']"));
        Assert.NotNull(garden.Html("/graph/").QuerySelector("[data-graph]"));
    }
}
