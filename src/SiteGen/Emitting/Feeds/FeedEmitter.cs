using System.Text.RegularExpressions;
using SiteGen.Configuration;
using SiteGen.Linking;
using SiteGen.Output;

namespace SiteGen.Emitting.Feeds;

/// <summary>Feeds for the whole site, every tag and every folder, each in RSS, Atom and JSON Feed. Notes with <c>feed: false</c> stay out.</summary>
public static partial class FeedEmitter
{
    public static void Emit(Garden garden, SiteConfig config, SiteWriter writer)
    {
        var origin = new Uri(config.BaseUrl).GetLeftPart(UriPartial.Authority);
        var items = garden.Notes.Where(n => n.Note.Meta.Feed)
            .ToDictionary(n => n.Note.Path, n => n, StringComparer.Ordinal);
        var entries = new System.Collections.Concurrent.ConcurrentDictionary<string, FeedEntry>(StringComparer.Ordinal);
        Parallel.ForEach(items.Values, n => entries[n.Note.Path] = FeedWriter.Entry(Item(n, config, origin)));

        var feeds = new List<Feed> { Channel("", config.Title, config.Description, config, garden.Notes, entries) };
        feeds.Add(Channel("tended/", $"{config.Title}: recently tended", "New and updated notes, newest first", config, garden.Notes, entries));
        foreach (var tag in garden.Tags)
            feeds.Add(Channel(tag.Url.Value, $"{config.Title}: #{tag.Name}", $"Notes tagged #{tag.Name}", config, tag.Notes, entries));
        foreach (var folder in garden.AllFolders().Where(f => !UrlAssigner.ReservedPages.Contains(f.Url.Value)))
            feeds.Add(Channel(folder.Url.Value, $"{config.Title}: {folder.Name}", $"Notes in {folder.Path}", config, FolderNotes(folder), entries));

        // Feeds are independent and hold full content, so they are written in parallel.
        Parallel.For(0, feeds.Count, i =>
        {
            var feed = feeds[i];
            var label = feed.Folder.Length == 0 ? "site feed" : $"feed of /{feed.Folder}";
            writer.Add(new SiteFile(feed.Folder + "index.xml", FeedWriter.Rss(feed, config.BaseUrl), null, label));
            writer.Add(new SiteFile(feed.Folder + "atom.xml", FeedWriter.Atom(feed, config.BaseUrl), null, label));
            writer.Add(new SiteFile(feed.Folder + "feed.json", FeedWriter.Json(feed, config.BaseUrl), null, label));
        });
    }

    private static Feed Channel(string folder, string title, string description, SiteConfig config, IEnumerable<GardenNote> notes, IReadOnlyDictionary<string, FeedEntry> entries)
    {
        var chosen = notes.Where(n => entries.ContainsKey(n.Note.Path))
            .OrderByDescending(n => n.Note.Updated).ThenBy(n => n.Note.Path, StringComparer.Ordinal)
            .Take(config.FeedLimit).Select(n => entries[n.Note.Path]).ToList();
        return new Feed(folder, title, description, config.BaseUrl + folder, config.Language, chosen);
    }

    /// <summary>A folder feed follows its folder page: the notes directly in the folder, and the note standing at its address.</summary>
    private static IEnumerable<GardenNote> FolderNotes(GardenFolder folder) =>
        folder.Notes.Concat(folder.IndexNote is { } index ? [index] : []);

    private static FeedItem Item(GardenNote note, SiteConfig config, string origin)
    {
        var url = config.BaseUrl + note.Url.Value;
        var categories = note.Tags.ToList();
        if (note.Note.Meta.Status is "seedling" or "budding" or "evergreen") categories.Add("status:" + note.Note.Meta.Status);
        var summary = note.Summary(300) ?? "";
        return new FeedItem(url, url, note.Note.Title, summary, Absolute(note.Content.Html, origin), note.Note.Created, note.Note.Updated, categories);
    }

    /// <summary>Feed readers show items away from the site, so root-relative addresses become absolute.</summary>
    private static string Absolute(string html, string origin) => RootRelative().Replace(html, m => $"{m.Groups[1].Value}=\"{origin}/");

    [GeneratedRegex("\\b(href|src)=\"/(?!/)")]
    private static partial Regex RootRelative();
}
