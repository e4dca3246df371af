using System.Text.RegularExpressions;
using SiteGen.Configuration;
using SiteGen.Linking;
using SiteGen.Output;

namespace SiteGen.Emitting.Feeds;

/// <summary>Feeds for the whole site, every tag and every folder, each in RSS, Atom and JSON Feed. Notes with <c>feed: false</c> stay out.</summary>
public static partial class FeedEmitter
{
    public static IReadOnlyList<SiteFile> Emit(Garden garden, SiteConfig config, IReadOnlyDictionary<string, string> contentHtml)
    {
        var origin = new Uri(config.BaseUrl).GetLeftPart(UriPartial.Authority);
        var items = garden.Notes.Where(n => n.Note.Meta.Feed)
            .ToDictionary(n => n.Note.Path, n => Item(n, config, origin, contentHtml[n.Note.Path]), StringComparer.Ordinal);

        var feeds = new List<Feed> { Channel("", config.Title, config.Description, config, garden.Notes, items) };
        foreach (var tag in garden.Tags)
            feeds.Add(Channel(tag.Url.Value, $"{config.Title}: #{tag.Name}", $"Notes tagged #{tag.Name}", config, tag.Notes, items));
        foreach (var folder in garden.AllFolders())
            feeds.Add(Channel(folder.Url.Value, $"{config.Title}: {folder.Name}", $"Notes in {folder.Path}", config, Descendants(folder), items));

        // Feeds are independent and hold full content, so they are written in parallel.
        var files = new SiteFile[feeds.Count * 3];
        Parallel.For(0, feeds.Count, i =>
        {
            var feed = feeds[i];
            var label = feed.Folder.Length == 0 ? "site feed" : $"feed of /{feed.Folder}";
            files[3 * i] = new SiteFile(feed.Folder + "index.xml", FeedWriter.Rss(feed, config.BaseUrl), null, label);
            files[3 * i + 1] = new SiteFile(feed.Folder + "atom.xml", FeedWriter.Atom(feed, config.BaseUrl), null, label);
            files[3 * i + 2] = new SiteFile(feed.Folder + "feed.json", FeedWriter.Json(feed, config.BaseUrl), null, label);
        });
        return files;
    }

    private static Feed Channel(string folder, string title, string description, SiteConfig config, IEnumerable<GardenNote> notes, Dictionary<string, FeedItem> items)
    {
        var chosen = notes.Where(n => items.ContainsKey(n.Note.Path))
            .OrderByDescending(n => n.Note.Updated).ThenBy(n => n.Note.Path, StringComparer.Ordinal)
            .Take(config.FeedLimit).Select(n => items[n.Note.Path]).ToList();
        return new Feed(folder, title, description, config.BaseUrl + folder, config.Language, chosen);
    }

    private static IEnumerable<GardenNote> Descendants(GardenFolder folder) =>
        folder.Notes.Concat(folder.IndexNote is { } index ? [index] : []).Concat(folder.Folders.SelectMany(Descendants));

    private static FeedItem Item(GardenNote note, SiteConfig config, string origin, string html)
    {
        var url = config.BaseUrl + note.Url.Value;
        var categories = note.Tags.ToList();
        if (note.Note.Meta.Status is "seedling" or "budding" or "evergreen") categories.Add("status:" + note.Note.Meta.Status);
        var summary = note.Note.Meta.Description ?? PlainText.FirstParagraph(note.Document, 300) ?? "";
        return new FeedItem(url, url, note.Note.Title, summary, Absolute(html, origin), note.Note.Created, note.Note.Updated, categories);
    }

    /// <summary>Feed readers show items away from the site, so root-relative addresses become absolute.</summary>
    private static string Absolute(string html, string origin) => RootRelative().Replace(html, m => $"{m.Groups[1].Value}=\"{origin}/");

    [GeneratedRegex("\\b(href|src)=\"/(?!/)")]
    private static partial Regex RootRelative();
}
