using System.Text.Json;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// The default theme in real headless Chromium on the example garden: no page or console errors and no failed
/// requests, popovers that show the target, the local graph against graph.json, the theme toggle, the explorer
/// (keyboard, navigation, remembered folders) and the table of contents following the scroll.
/// </summary>
public sealed class ThemeBrowserTests : IDisposable
{
    private readonly string _site = Path.Combine(Path.GetTempPath(), "sitegen-theme-" + Guid.NewGuid().ToString("N")[..8]);

    [SkippableFact]
    public void The_theme_works_in_a_real_browser()
    {
        var result = SiteBuilder.Build(new BuildOptions { Root = Repo.Root, Output = _site, BaseUrl = "http://127.0.0.1/" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var cases = _site + "-cases.json";
        File.WriteAllText(cases, JsonSerializer.Serialize(new
        {
            pages = new[] { "/", "/guide/", "/guide/getting-started/", "/tags/", "/tags/syntax/", "/tended/", "/search/?q=wikilinks", "/graph/", "/404.html", "/syntax/callouts/" },
            note = "/reference/link-resolution/",
            mathPage = "/syntax/formatting/",
        }));
        try
        {
            BrowserRunner.Run("theme.mjs", _site, cases, Environment.GetEnvironmentVariable("SITEGEN_SCREENSHOTS") ?? "");
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
