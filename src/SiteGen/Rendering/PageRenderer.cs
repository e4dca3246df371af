using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SiteGen.Incremental;
using Markdig.Syntax;
using SiteGen.Configuration;
using SiteGen.Diagnostics;
using SiteGen.Linking;
using SiteGen.Output;

namespace SiteGen.Rendering;

/// <summary>The Rendering stage: one HTML file per page kind (note, folder, tag, tags, home, 404, redirect), through the theme.</summary>
public sealed class PageRenderer
{
    private readonly Garden _garden;
    private readonly SiteConfig _config;
    private readonly Theme _theme;
    private readonly string _basePath;
    private readonly Dictionary<string, NoteSummary> _summaries;
    private readonly SiteModel _site;

    public PageRenderer(Garden garden, SiteConfig config, Theme theme)
    {
        _garden = garden;
        _config = config;
        _theme = theme;
        _basePath = config.BasePath;
        _summaries = garden.Notes.ToDictionary(n => n.Note.Path, Summary, StringComparer.Ordinal);
        var tags = garden.Tags.Select(t => new TagSummary(t.Name, t.Url.Href(_basePath), t.Notes.Count)).ToList();
        SiteModel SiteWith(IReadOnlyDictionary<string, NoteSummary> summaries) =>
            new(config.Title, config.Description, config.Author, config.BaseUrl, _basePath, config.Language,
                garden.Notes.Select(n => summaries[n.Note.Path]).ToList(), tags,
                NewestFirst(garden.Notes).Take(10).Select(n => summaries[n.Note.Path]).ToList(), new RawHtml(""));
        _site = SiteWith(_summaries);
        if (theme.Has(NoteItem))
        {
            // A note is listed on the pages of its tags, its folder, home and the tended stream: its item is
            // rendered once here instead of once per list (at 10k notes, 50,000 items on the tag pages alone).
            var notes = garden.Notes.Select(n => _summaries[n.Note.Path]).ToArray();
            var items = new RawHtml[notes.Length];
            Parallel.For(0, notes.Length, i => items[i] = new RawHtml(_theme.Render(NoteItem, new Dictionary<string, object?> { ["site"] = _site, ["note"] = notes[i] })));
            for (var i = 0; i < notes.Length; i++) _summaries[garden.Notes[i].Note.Path] = notes[i] with { ItemHtml = items[i] };
            _site = SiteWith(_summaries);
        }
        // Every page carries only the top-level folders, enough to browse without scripts; the full tree, with every
        // note, is written once to explorer.html and fetched by the theme's script. Inlining the tree made each page of
        // a 10k-note garden 33 KB heavier, and the site grow with folders × pages.
        if (theme.Has("partials/explorer.html"))
        {
            _explorerFragment = RenderExplorer(Explorer(garden.RootFolder, withNotes: true, depth: int.MaxValue));
            _site = _site with { ExplorerHtml = new RawHtml(RenderExplorer(Explorer(garden.RootFolder, withNotes: false, depth: 1))) };
        }
    }

    private readonly string? _explorerFragment;

    private const string NoteItem = "partials/note-item.html";

    /// <summary>How many notes the "recently tended" stream shows.</summary>
    public const int TendedLength = 100;

    public SiteModel Site => _site;

    private string RenderExplorer(ExplorerFolder tree) =>
        _theme.Render("partials/explorer.html", new Dictionary<string, object?> { ["site"] = _site, ["tree"] = tree });

    /// <summary>
    /// Renders every page in parallel, handing each to <paramref name="writer"/> as soon as it is done. A page whose
    /// model, site and templates are those the previous build made it from is reused instead.
    /// </summary>
    public void RenderAll(SiteWriter writer)
    {
        var pages = Pages().ToList();
        var failures = new ConcurrentBag<TemplateException>();
        // Only a build that can reuse pages needs their keys; serializing the site's lists costs 0.1 s at 10k notes.
        var (siteCore, siteLists) = writer.Keyed
            ? (ModelKey(_site with { Notes = [], Tags = [], Recent = [] }), ModelKey(new { _site.Notes, _site.Tags, _site.Recent }))
            : default;
        UInt128 PageKey(UInt128 model, bool readsLists) =>
            new KeyBuilder().Add(model).Add(siteCore).Add(_theme.Key).Add(readsLists).Add(readsLists ? siteLists : UInt128.Zero).Build();
        Parallel.For(0, pages.Count, i =>
        {
            var (make, origin, file) = pages[i];
            try
            {
                var page = make();
                if (!writer.Keyed)
                {
                    writer.Add(file, origin, null, false, RenderPage(page));
                    return;
                }
                var model = ModelKey(page);
                if (writer.TryReuse(file, origin, PageKey(model, writer.PreviouslyUsedSiteLists(file)))) return;
                SiteListReads.Reset();
                var html = RenderPage(page);
                var readsLists = SiteListReads.Read;
                writer.Add(file, origin, PageKey(model, readsLists), readsLists, html);
            }
            catch (TemplateException e)
            {
                failures.Add(e);
            }
        });
        if (!failures.IsEmpty) throw failures.OrderBy(f => f.Message, StringComparer.Ordinal).First();
        if (_explorerFragment is not null) writer.Add(new SiteFile("explorer.html", Encoding.UTF8.GetBytes(_explorerFragment), null, "explorer"));
    }

    private static UInt128 ModelKey<T>(T model) => KeyBuilder.Of(JsonSerializer.SerializeToUtf8Bytes(model, KeyOptions));

    // A page's key needs every field of its model; long HTML enters it as its own hash, which is far cheaper than escaping it into JSON.
    private static readonly JsonSerializerOptions KeyOptions = new() { Converters = { new RawHtmlKeyConverter() } };

    private sealed class RawHtmlKeyConverter : System.Text.Json.Serialization.JsonConverter<RawHtml>
    {
        public override RawHtml Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, RawHtml value, JsonSerializerOptions options)
        {
            Span<byte> bytes = stackalloc byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(bytes, KeyBuilder.Of(value.Html));
            writer.WriteBase64StringValue(bytes);
        }
    }

    /// <summary>The page as UTF-8, in the thread's buffer (see <see cref="Theme.RenderPage"/>).</summary>
    private ReadOnlySpan<byte> RenderPage(PageModel page)
    {
        var globals = new Dictionary<string, object?> { ["site"] = _site, ["page"] = page };
        return _theme.RenderPage($"layouts/{page.Kind}.html", "layouts/base.html", globals);
    }

    /// <summary>
    /// Every page, as a way to make its model: a model lives only while its page renders. Made all at once, the 10k
    /// garden's models held 150,000 backlinks and their snippets on the heap through the whole stage, and every
    /// collection had to walk them.
    /// </summary>
    private IEnumerable<(Func<PageModel> Make, string Origin, string File)> Pages()
    {
        foreach (var note in _garden.NotePages())
            yield return (() => NotePage(note, "note"), note.Note.SourceFile, note.Url.OutputFile);

        yield return (HomePage, "home page", SitePath.Root.OutputFile);

        foreach (var folder in _garden.AllFolders())
        {
            // A vault folder such as Tags/ lands on a page SiteGen generates; that page stands there instead.
            if (UrlAssigner.ReservedPages.Contains(folder.Url.Value)) continue;
            PageModel Page() => (folder.IndexNote is { } index ? NotePage(index, "folder") : Blank("folder", folder.Name, folder.Url)) with
            {
                Notes = folder.Notes.Select(n => _summaries[n.Note.Path]).ToList(),
                Children = folder.Folders.Select(f => new TagSummary(f.Name, f.Url.Href(_basePath), f.Count)).ToList(),
            };
            yield return (Page, $"folder page for {folder.Path}/", folder.Url.OutputFile);
        }

        var tagsUrl = new SitePath("tags/");
        yield return (() => Blank("tags", "Tags", tagsUrl), "tag index", tagsUrl.OutputFile);
        var tagsByName = _garden.Tags.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var tag in _garden.Tags)
        {
            PageModel Page() => Blank("tag", "#" + tag.Name, tag.Url) with
            {
                Tag = tag.Name,
                Notes = tag.Notes.Select(n => _summaries[n.Note.Path]).ToList(),
                Children = tag.Children.Select(c => tagsByName[c]).Select(c => new TagSummary(c.Name, c.Url.Href(_basePath), c.Notes.Count)).ToList(),
            };
            yield return (Page, $"tag page for #{tag.Name}", tag.Url.OutputFile);
        }

        yield return (() => Blank("404", "Page not found", new SitePath("404.html")), "404 page", "404.html");
        if (_theme.Has("layouts/tended.html"))
        {
            yield return (() => Blank("tended", "Recently tended", new SitePath("tended/")) with
            {
                Notes = NewestFirst(_garden.Notes).Take(TendedLength).Select(n => _summaries[n.Note.Path]).ToList(),
            }, "tended page", "tended/index.html");
        }
        if (_theme.Has("layouts/graph.html"))
            yield return (() => Blank("graph", "Graph", new SitePath("graph/")), "graph page", "graph/index.html");
        if (_theme.Has("layouts/search.html"))
            yield return (() => Blank("search", "Search", new SitePath("search/")), "search page", "search/index.html");

        foreach (var redirect in _garden.Redirects)
        {
            yield return (() => Blank("redirect", redirect.Target.Note.Title, redirect.From) with { Target = redirect.Target.Url.Href(_basePath) }, $"alias '{redirect.Alias}' of {redirect.Target.Note.SourceFile}", redirect.From.OutputFile);
        }
    }

    private PageModel HomePage()
    {
        var recent = NewestFirst(_garden.Notes).Take(20).Select(n => _summaries[n.Note.Path]).ToList();
        var page = _garden.Home is { } home ? NotePage(home, "home") : Blank("home", _config.Title, SitePath.Root);
        return page with { Notes = recent };
    }

    private PageModel Blank(string kind, string title, SitePath url) => new()
    {
        Kind = kind,
        Title = title,
        Url = url.Href(_basePath),
        Permalink = _config.BaseUrl + url.Value,
    };

    /// <summary>
    /// The page of one note as it stands now against the rest of the garden as it was when this renderer was made
    /// (serve's <see cref="Incremental.QuickEdit"/>).
    /// </summary>
    internal byte[] RenderNotePage(GardenNote note) => RenderPage(NotePage(note, "note", Summary(note))).ToArray();

    private PageModel NotePage(GardenNote note, string kind, NoteSummary? summary = null)
    {
        var meta = note.Note.Meta;
        summary ??= _summaries[note.Note.Path];
        return Blank(kind, note.Note.Title, note.Url) with
        {
            Content = new RawHtml(note.Content.Html),
            Toc = note.Headings.Select(h => new TocEntry(h.Level, h.Text, h.Id)).ToList(),
            Tags = summary.Tags,
            Aliases = meta.Aliases,
            Created = summary.Created,
            Updated = summary.Updated,
            Status = summary.Status,
            Description = summary.Description,
            Backlinks = _garden.BacklinksOf(note).Select(b => new BacklinkModel(b.Source.Note.Title, b.Source.Url.Href(_basePath), new RawHtml(b.SnippetHtml))).ToList(),
            Outlinks = note.Outlinks.Select(p => _summaries[p]).Select(s => new LinkModel(s.Title, s.Url)).ToList(),
            WordCount = note.WordCount,
            ReadingMinutes = Math.Max(1, (note.WordCount + 199) / 200),
            Params = meta.Params,
            Cssclasses = meta.CssClasses,
            HasMath = note.Content.HasMath,
            HasMermaid = note.Content.HasMermaid,
        };
    }

    private NoteSummary Summary(GardenNote note)
    {
        var meta = note.Note.Meta;
        return new NoteSummary(
            note.Note.Title,
            note.Url.Href(_basePath),
            Date(note.Note.Created),
            Date(note.Note.Updated),
            note.Tags.Select(t => new TagRef(t, UrlAssigner.ForTag(t).Href(_basePath))).ToList(),
            meta.Status is "seedling" or "budding" or "evergreen" ? meta.Status : null,
            note.Summary(160));
    }

    private ExplorerFolder Explorer(GardenFolder folder, bool withNotes, int depth) => new(
        folder.Name,
        folder.Path.Length == 0 || UrlAssigner.ReservedPages.Contains(folder.Url.Value) ? null : folder.Url.Href(_basePath),
        folder.Path,
        depth > 0 ? folder.Folders.Select(f => Explorer(f, withNotes, depth - 1)).ToList() : [],
        withNotes ? folder.Notes.Where(n => n.Url != SitePath.Root).Select(n => _summaries[n.Note.Path]).ToList() : []);

    internal static IEnumerable<GardenNote> NewestFirst(IEnumerable<GardenNote> notes) =>
        notes.OrderByDescending(n => n.Note.Updated).ThenBy(n => n.Note.Path, StringComparer.Ordinal);

    internal static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
