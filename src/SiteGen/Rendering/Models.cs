namespace SiteGen.Rendering;

// The model templates see. Scriban renames members to snake_case: BaseUrl becomes site.base_url.

/// <summary>
/// What every page sees of the site. Reading the site-wide lists (notes, tags, recent) is recorded per thread, so
/// that a page whose templates never read them is not made again when they change (see <see cref="SiteListReads"/>).
/// </summary>
public sealed record SiteModel(
    string Title,
    string Description,
    string Author,
    string BaseUrl,
    string BasePath,
    string Language,
    IReadOnlyList<NoteSummary> Notes,
    IReadOnlyList<TagSummary> Tags,
    IReadOnlyList<NoteSummary> Recent,
    RawHtml ExplorerHtml)
{
    public IReadOnlyList<NoteSummary> Notes { get => SiteListReads.Mark(field); init; } = Notes;

    public IReadOnlyList<TagSummary> Tags { get => SiteListReads.Mark(field); init; } = Tags;

    public IReadOnlyList<NoteSummary> Recent { get => SiteListReads.Mark(field); init; } = Recent;
}

/// <summary>Whether the page being rendered on this thread has read one of the site-wide lists.</summary>
internal static class SiteListReads
{
    [ThreadStatic]
    private static bool _read;

    public static bool Read => _read;

    public static void Reset() => _read = false;

    public static T Mark<T>(T value)
    {
        _read = true;
        return value;
    }
}

public sealed record NoteSummary(string Title, string Url, string? Created, string? Updated, IReadOnlyList<TagRef> Tags, string? Status, string? Description)
{
    /// <summary>The note as an item of a listing (<c>partials/note-item.html</c>), made once and shared by every list that holds it.</summary>
    public RawHtml? ItemHtml { get; init; }
}

public sealed record TagRef(string Name, string Url);

/// <summary>A tag or a folder in a listing, with its count of public notes.</summary>
public sealed record TagSummary(string Name, string Url, int Count);

public sealed record TocEntry(int Level, string Text, string Id);

public sealed record BacklinkModel(string Title, string Url, RawHtml Snippet);

public sealed record LinkModel(string Title, string Url);

/// <summary>A folder of the explorer tree; the root has an empty name.</summary>
public sealed record ExplorerFolder(string Name, string? Url, string Path, IReadOnlyList<ExplorerFolder> Folders, IReadOnlyList<NoteSummary> Notes);

public sealed record PageModel
{
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public required string Permalink { get; init; }
    public RawHtml? Content { get; init; }
    public IReadOnlyList<TocEntry> Toc { get; init; } = [];
    public IReadOnlyList<TagRef> Tags { get; init; } = [];
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Created { get; init; }
    public string? Updated { get; init; }
    public string? Status { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<BacklinkModel> Backlinks { get; init; } = [];
    public IReadOnlyList<LinkModel> Outlinks { get; init; } = [];
    public int WordCount { get; init; }
    public int ReadingMinutes { get; init; }
    public IReadOnlyDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();
    public IReadOnlyList<string> Cssclasses { get; init; } = [];
    public IReadOnlyList<NoteSummary> Notes { get; init; } = [];
    public IReadOnlyList<TagSummary> Children { get; init; } = [];
    public string? Tag { get; init; }
    public string? Target { get; init; }
    public bool HasMath { get; init; }
    public bool HasMermaid { get; init; }
}
