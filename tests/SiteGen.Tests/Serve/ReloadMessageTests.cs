using System.Text.Json;
using SiteGen.Cli.Commands.Serve;

namespace SiteGen.Tests.Serve;

/// <summary>What serve's live-reload event says after a rebuild or a quick edit: the pages that changed, or every page.</summary>
public sealed class ReloadMessageTests
{
    [Fact]
    public void Changed_pages_are_named_by_their_address_and_feeds_and_search_files_do_not_count()
    {
        var message = DevServer.ReloadMessage(["garden/seed/index.html", "index.html", "404.html", "tags/moss/index.xml", "tags/moss/feed.json", "search/index.json", "sitemap.xml", "/quick/"]);

        Assert.StartsWith("data: ", message);
        Assert.EndsWith("\n\n", message);
        var pages = JsonDocument.Parse(message["data: ".Length..^2]).RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(["/garden/seed/", "/", "/404.html", "/quick/"], pages);
    }

    [Theory]
    [InlineData("assets/style.css")]
    [InlineData("explorer.html")]
    [InlineData("graph.json")]
    [InlineData("attachments/pic.png")]
    public void A_change_an_open_page_may_use_reloads_every_page(string file) =>
        Assert.Equal("data: reload\n\n", DevServer.ReloadMessage(["garden/seed/index.html", file]));

    [Fact]
    public void Many_changed_pages_or_an_unknown_change_reload_every_page()
    {
        Assert.Equal("data: reload\n\n", DevServer.ReloadMessage(Enumerable.Range(0, 101).Select(i => $"n{i}/index.html").ToList()));
        Assert.Equal("data: reload\n\n", DevServer.ReloadMessage(null));
    }
}
