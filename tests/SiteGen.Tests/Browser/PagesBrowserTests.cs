using System.Text.Json;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// Every page kind of the example garden in real headless Chromium, light and dark: no console error or failed
/// request, no serious or critical axe-core violation, and screenshots at 1280 and 390 px in the test output's
/// <c>screenshots</c> folder.
/// </summary>
public sealed class PagesBrowserTests : IDisposable
{
    private readonly string _site = Path.Combine(Path.GetTempPath(), "sitegen-pages-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>One address of each page kind; the note with code, math and a diagram is a note too.</summary>
    internal static readonly Dictionary<string, string> PageKinds = new()
    {
        ["note"] = "/reference/link-resolution/",
        ["code"] = "/syntax/formatting/",
        ["tag"] = "/tags/syntax/",
        ["tags"] = "/tags/",
        ["folder"] = "/guide/",
        ["home"] = "/",
        ["search"] = "/search/?q=wikilinks",
        ["404"] = "/404.html",
        ["tended"] = "/tended/",
        ["graph"] = "/graph/",
    };

    [SkippableFact]
    public void Every_page_kind_is_accessible_and_error_free_in_both_themes()
    {
        var result = SiteBuilder.Build(new BuildOptions { Root = Repo.Root, Output = _site, BaseUrl = "http://127.0.0.1/" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var cases = _site + "-cases.json";
        File.WriteAllText(cases, JsonSerializer.Serialize(new { pages = PageKinds }));
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        try
        {
            var report = BrowserRunner.Run("pages.mjs", _site, cases, screenshots);

            Assert.Equal(PageKinds.Count * 2, report.GetProperty("axe").EnumerateObject().Count());
            Assert.Equal(PageKinds.Count * 4, report.GetProperty("screenshots").GetArrayLength());
            Assert.All(report.GetProperty("screenshots").EnumerateArray(), s => Assert.True(new FileInfo(s.GetString()!).Length > 0));
        }
        finally
        {
            File.Delete(cases);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_site)) Directory.Delete(_site, recursive: true);
    }
}
