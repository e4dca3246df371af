using System.Net;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary><c>sitegen serve</c> over loopback with HttpClient: pages, live reload, drafts, Host allow-list and traversal.</summary>
public sealed class ServeTests
{
    private const string Canary = "zqservecanary42";

    public static readonly string[] Traversal =
    [
        "/../outside.txt", "/../../outside.txt", "/%2e%2e/outside.txt", "/%2E%2E/outside.txt", "/..%2foutside.txt", "/..%2Foutside.txt",
        "/%2e%2e%2foutside.txt", "/..%5coutside.txt", "/..\\outside.txt", "/%252e%252e/outside.txt", "/%2e%2e%5coutside.txt", "/assets/../../outside.txt",
        "/assets/%2e%2e/%2e%2e/outside.txt", "/.%2e/outside.txt", "/%00/../outside.txt", "/outside.txt%00.html", "/C:/outside.txt", "//etc/passwd",
        "/../../../../../../etc/passwd", "/%2fetc%2fpasswd", "/assets/", "/tags/../../outside.txt", "/....//outside.txt", "/..;/outside.txt",
        "/link-out", "/link-out/index.html",
    ];

    [Fact]
    public async Task Serves_pages_with_live_reload_and_refuses_traversal_and_foreign_hosts()
    {
        Assert.True(Traversal.Length >= 15);
        using var garden = TestGarden.Create($"-- outside.txt --\n{Canary}\n-- content/index.md --\n---\npublish: true\n---\nfirst version, see [[Second]]\n-- content/Second.md --\n---\npublish: true\n---\nsecond note\n");
        using var server = ServeProcess.Start(garden.Root);
        var port = server.Port;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };

        var home = await http.GetStringAsync("/");
        Assert.Contains("first version", home);
        Assert.Contains("EventSource(\"/__sitegen/reload\")", home);
        Assert.False(Directory.Exists(garden.Output), "serve must never write the real output folder");

        var site = Directory.EnumerateDirectories(Path.GetTempPath(), $"sitegen-serve-{server.Id}").Single();
        File.CreateSymbolicLink(Path.Combine(site, "site", "link-out"), Path.Combine(garden.Root, "outside.txt"));
        foreach (var payload in Traversal)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}{payload}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{payload}: {response.StatusCode}");
            Assert.DoesNotContain(Canary, body);
            Assert.DoesNotContain("root:x:0:0", body);
        }

        using (var foreign = new HttpRequestMessage(HttpMethod.Get, "/"))
        {
            foreign.Headers.Host = "attacker.example";
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(foreign)).StatusCode);
        }

        using var events = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        await using var stream = await events.GetStreamAsync($"http://127.0.0.1:{port}/__sitegen/reload");
        using var reader = new StreamReader(stream);
        Assert.StartsWith(": connected", await reader.ReadLineAsync());
        garden.Write("-- content/index.md --\n---\npublish: true\n---\nsecond version, see [[Second]]\n");
        // The home page changed, so the reload names it (or reloads every page).
        var reload = ReadUntilAsync(reader, line => line is "data: reload" || (line.StartsWith("data: {", StringComparison.Ordinal) && System.Text.Json.JsonDocument.Parse(line[6..]).RootElement.GetProperty("pages").EnumerateArray().Any(p => p.GetString() == "/")));
        Assert.Same(reload, await Task.WhenAny(reload, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.True(await reload, "no reload event after an edit");
        Assert.Contains("second version", await http.GetStringAsync("/"));

        // A lone note saved is shown ahead of the rebuild, and the reload names its page only.
        garden.Write("-- content/Second.md --\n---\npublish: true\n---\nsecond note, tended\n");
        var named = ReadUntilAsync(reader, line => line.StartsWith("data: {", StringComparison.Ordinal) && System.Text.Json.JsonDocument.Parse(line[6..]).RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetString()).SequenceEqual(["/second/"]));
        Assert.Same(named, await Task.WhenAny(named, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.True(await named, "no reload naming the edited page");
        Assert.Contains("second note, tended", await http.GetStringAsync("/second/"));
        // Shown by the quick path, not only by the rebuild that follows.
        var shown = DateTime.UtcNow.AddSeconds(10);
        while (!server.Output.Any(l => l.StartsWith("Showed /second/ ", StringComparison.Ordinal)) && DateTime.UtcNow < shown) await Task.Delay(50);
        Assert.Contains(server.Output, l => l.StartsWith("Showed /second/ ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drafts_show_only_with_the_flag_and_under_a_banner()
    {
        using var garden = TestGarden.Create("-- content/index.md --\n---\npublish: true\n---\n[[Later]]\n-- content/Later.md --\n---\npublish: true\ndraft: true\n---\ndraft text\n");
        using (var plain = ServeProcess.Start(garden.Root))
        {
            using var http = new HttpClient { BaseAddress = new Uri(plain.BaseUrl + "/") };
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/later/")).StatusCode);
            Assert.DoesNotContain("data-sitegen-drafts", await http.GetStringAsync("/"));
        }
        using var server = ServeProcess.Start(garden.Root, "--drafts");
        var port = server.Port;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var page = await client.GetStringAsync("/later/");
        Assert.Contains("draft text", page);
        Assert.Contains("data-sitegen-drafts", page);
        // The theme fetches explorer.html into every page: a fragment gets neither a second banner nor the reload script.
        var explorer = await client.GetStringAsync("/explorer.html");
        Assert.DoesNotContain("data-sitegen-drafts", explorer);
        Assert.DoesNotContain("EventSource", explorer);
        Assert.False(Directory.Exists(garden.Output));
    }

    [Fact]
    public void A_non_loopback_host_is_warned_about()
    {
        using var garden = TestGarden.Create("-- content/index.md --\n---\npublish: true\n---\nx\n");
        using var server = ServeProcess.Start(garden.Root, "--host 0.0.0.0");
        Assert.Contains("reachable from your network", server.StandardError.ReadLine());
    }

    private static async Task<bool> ReadUntilAsync(StreamReader reader, Func<string, bool> wanted)
    {
        while (await reader.ReadLineAsync() is { } read)
            if (wanted(read)) return true;
        return false;
    }
}
