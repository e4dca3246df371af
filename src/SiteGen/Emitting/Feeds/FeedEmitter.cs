using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Configuration;
using SiteGen.Incremental;
using SiteGen.Linking;
using SiteGen.Output;

namespace SiteGen.Emitting.Feeds;

/// <summary>Feeds for the whole site, every tag and every folder, each in RSS, Atom and JSON Feed. Notes with <c>feed: false</c> stay out.</summary>
public static partial class FeedEmitter
{
    public static void Emit(Garden garden, SiteConfig config, SiteWriter writer)
    {
        var origin = new Uri(config.BaseUrl).GetLeftPart(UriPartial.Authority);
        // An item is serialized only when a feed that holds it has to be made, and then once for all such feeds.
        // Keys only matter to a build that can reuse files: a cold build would hash every note's content for nothing.
        var keyed = writer.Keyed;
        var entries = garden.Notes.Where(n => n.Note.Meta.Feed).ToDictionary(
            n => n.Note.Path,
            n => (Key: keyed ? ItemKey(n) : default, Entry: new Lazy<FeedEntry>(() => FeedWriter.Entry(Item(n, config, origin)))),
            StringComparer.Ordinal);

        var feeds = new List<Channel> { Select("", config.Title, config.Description, config.FeedLimit, garden.Notes, entries) };
        feeds.Add(Select("tended/", $"{config.Title}: recently tended", "New and updated notes, newest first", config.FeedLimit, garden.Notes, entries));
        foreach (var tag in garden.Tags)
            feeds.Add(Select(tag.Url.Value, $"{config.Title}: #{tag.Name}", $"Notes tagged #{tag.Name}", config.FeedTopicLimit, tag.Notes, entries));
        foreach (var folder in garden.AllFolders().Where(f => !UrlAssigner.ReservedPages.Contains(f.Url.Value)))
            feeds.Add(Select(folder.Url.Value, $"{config.Title}: {folder.Name}", $"Notes in {folder.Path}", config.FeedTopicLimit, FolderNotes(folder), entries));

        // Feeds are independent and hold full content, so they are made in parallel, and only when what they hold changed.
        Parallel.For(0, feeds.Count, i =>
        {
            var channel = feeds[i];
            var label = channel.Folder.Length == 0 ? "site feed" : $"feed of /{channel.Folder}";
            var channelKey = keyed ? ChannelKey(channel, config) : default;
            Feed? feed = null;
            Feed Made() => feed ??= new Feed(channel.Folder, channel.Title, channel.Description, config.BaseUrl + channel.Folder, config.Language, channel.Items.Select(item => item.Entry.Value).ToList());
            foreach (var (file, format) in new[] { ("index.xml", "rss"), ("atom.xml", "atom"), ("feed.json", "json") })
            {
                var path = channel.Folder + file;
                UInt128? fileKey = keyed ? new KeyBuilder().Add(channelKey).Add(format).Build() : null;
                if (fileKey is { } known && writer.TryReuse(path, label, known)) continue;
                writer.Add(path, label, fileKey, false, FeedWriter.FileBytes(Made(), format, config.BaseUrl));
            }
        });
    }

    private sealed record Channel(string Folder, string Title, string Description, IReadOnlyList<(UInt128 Key, Lazy<FeedEntry> Entry)> Items);

    private static Channel Select(string folder, string title, string description, int limit, IEnumerable<GardenNote> notes, IReadOnlyDictionary<string, (UInt128 Key, Lazy<FeedEntry> Entry)> entries)
    {
        var chosen = notes.Where(n => entries.ContainsKey(n.Note.Path))
            .OrderByDescending(n => n.Note.Updated).ThenBy(n => n.Note.Path, StringComparer.Ordinal)
            .Take(limit).Select(n => entries[n.Note.Path]).ToList();
        return new Channel(folder, title, description, chosen);
    }

    /// <summary>Everything a feed file is made from, but its format.</summary>
    private static UInt128 ChannelKey(Channel channel, SiteConfig config)
    {
        var key = new KeyBuilder().Add(channel.Folder).Add(channel.Title).Add(channel.Description).Add(config.BaseUrl).Add(config.Language);
        foreach (var (itemKey, _) in channel.Items) key.Add(itemKey);
        return key.Build();
    }

    /// <summary>Everything an item is made from (the site's address is in the channel's key).</summary>
    private static UInt128 ItemKey(GardenNote note) => new KeyBuilder()
        .Add(note.Url.Value).Add(note.Note.Title).Add(note.Summary(300)).Add(note.Content.Html)
        .Add(note.Note.Created.UtcTicks).Add(note.Note.Updated.UtcTicks).Add(note.Tags).Add(note.Note.Meta.Status)
        .Build();

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
    internal static string Absolute(string html, string origin)
    {
        StringBuilder? builder = null;
        var copied = 0;
        foreach (var match in RootRelative().EnumerateMatches(html))
        {
            // The match ends at the '/' that starts the address: the origin goes in front of it.
            var slash = match.Index + match.Length - 1;
            builder ??= _builder ??= new StringBuilder();
            builder.Append(html, copied, slash - copied).Append(origin);
            copied = slash;
        }
        if (builder is null) return html;
        var absolute = builder.Append(html, copied, html.Length - copied).ToString();
        builder.Clear();
        return absolute;
    }

    // The thread's builder, grown once to the size of a note instead of made for every one.
    [ThreadStatic] private static StringBuilder? _builder;

    [GeneratedRegex("\\b(?:href|src)=\"/(?!/)")]
    private static partial Regex RootRelative();
}
