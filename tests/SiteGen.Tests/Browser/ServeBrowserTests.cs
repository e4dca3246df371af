using System.Text.Json;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary><c>sitegen serve --drafts</c> in real headless Chromium: an open note reloads by itself after its file is edited, and drafts show under a banner.</summary>
public sealed class ServeBrowserTests
{
    [SkippableFact]
    public void An_open_page_reloads_itself_after_its_note_is_edited_and_drafts_show_a_banner()
    {
        using var garden = TestGarden.Create("""
-- content/index.md --
---
publish: true
---
Home of the garden. [[Growing]]
-- content/Growing.md --
---
publish: true
---
The first seedling of this thought.
-- content/Later.md --
---
publish: true
draft: true
---
Draft text, not published yet.
""");
        using var server = ServeProcess.Start(garden.Root, "--drafts");
        var cases = Path.Combine(garden.Root, "cases.json");
        File.WriteAllText(cases, JsonSerializer.Serialize(new
        {
            note = "/growing/",
            file = Path.Combine(garden.Root, "content", "Growing.md"),
            before = "The first seedling of this thought.",
            after = "A second leaf, written while the page was open.",
            content = "---\npublish: true\n---\nA second leaf, written while the page was open.\n",
            draft = "/later/",
            draftText = "Draft text, not published yet.",
        }));
        var report = BrowserRunner.Run("serve-reload.mjs", server.BaseUrl, cases);
        Assert.True(report.GetProperty("reloadMs").GetInt32() > 0);
    }
}
