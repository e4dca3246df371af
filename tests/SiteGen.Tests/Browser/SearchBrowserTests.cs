using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// The search UI in real headless Chromium with real lunr.js, on the example garden served over loopback: titles find
/// their note first, a word only one note uses finds it in the top three, and every hostile string types without a page error.
/// </summary>
public sealed partial class SearchBrowserTests : IDisposable
{
    private readonly string _site = Path.Combine(Path.GetTempPath(), "sitegen-browser-" + Guid.NewGuid().ToString("N")[..8]);

    [SkippableFact]
    public void Search_finds_notes_by_title_and_body_and_survives_hostile_input()
    {
        var result = SiteBuilder.Build(new BuildOptions { Root = Repo.Root, Output = _site, BaseUrl = "http://127.0.0.1/" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        using var documents = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_site, "search", "documents.json")));
        var notes = documents.RootElement.EnumerateArray().Select(d => (Url: d.GetProperty("url").GetString()!, Title: d.GetProperty("title").GetString()!)).ToList();
        var parser = new HtmlParser();
        var words = notes.ToDictionary(n => n.Url, n =>
        {
            var page = parser.ParseDocument(File.ReadAllText(Path.Combine(_site, n.Url.Trim('/'), "index.html")));
            var text = page.QuerySelector(".e-content, .note-content")?.TextContent ?? "";
            return Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
        });
        var stems = words.ToDictionary(w => w.Key, w => AnyWord().Matches(File.ReadAllText(Path.Combine(_site, w.Key.Trim('/'), "index.html")))
            .Select(m => SiteGen.Emitting.Search.LunrStemmer.Stem(m.Value.ToLowerInvariant())).ToHashSet());

        var queries = new List<object>();
        foreach (var note in notes.Where(n => n.Url != "/").Take(8))
            queries.Add(new { text = note.Title, expect = note.Url, rank = 1 });
        // Prefix search while typing: the first five letters of a long title word.
        foreach (var note in notes.Where(n => n.Url != "/"))
        {
            var word = Word().Matches(note.Title).Select(m => m.Value).FirstOrDefault();
            if (word is null) continue;
            queries.Add(new { text = word[..5].ToLowerInvariant(), expect = note.Url, rank = 10 });
            break;
        }
        foreach (var (url, set) in words.Where(w => w.Key != "/"))
        {
            // Distinctive after stemming, as lunr sees it: no other page holds a word with the same stem.
            var unique = set.Where(w => w.Length >= 8 && !stems.Any(o => o.Key != url && o.Value.Contains(SiteGen.Emitting.Search.LunrStemmer.Stem(w))))
                .Order(StringComparer.Ordinal).FirstOrDefault();
            if (unique is not null) queries.Add(new { text = unique, expect = url, rank = 3 });
            if (queries.Count >= 16) break;
        }
        var hostile = new[] { "http://example.com", "10:30", "C:\\temp", "foo:", "garden:", ":garden", "title:", "foo~", "garden~", "foo^",
            "-", "+", "garden -", "--x", "+-x", "~", "^2", "a - garden", "c++", "C#", "\"digital garden\"", "(garden)", "garden,", "'garden'",
            "-garden", "*", "*garden*", "\\", "<script>alert(1)</script>", "\u2028", "日本語", "title:x", "~1.5", "[[Wikilinks]]" };
        var cases = Path.Combine(_site, "..", Path.GetFileName(_site) + "-cases.json");
        File.WriteAllText(cases, JsonSerializer.Serialize(new { queries, hostile }));
        try
        {
            var report = BrowserRunner.Run("search.mjs", _site, cases);
            Assert.True(report.GetProperty("timings").GetProperty("openToFirstResultsMs").GetInt32() > 0);
        }
        finally
        {
            File.Delete(cases);
        }
    }

    [GeneratedRegex("[A-Za-z]{8,}")]
    private static partial Regex Word();

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex AnyWord();

    public void Dispose()
    {
        if (Directory.Exists(_site)) Directory.Delete(_site, recursive: true);
    }
}
