using SiteGen.Configuration;
using SiteGen.Diagnostics;
using SiteGen.Linking;
using SiteGen.Markdown;
using SiteGen.Notes;
using SiteGen.Output;
using SiteGen.Rendering;
using SiteGen.Vault;

namespace SiteGen.Incremental;

/// <summary>
/// What <c>serve</c> keeps of its last in-place build so that a saved note shows at once: the note's own page made
/// again against the rest of the garden as it was, before the incremental rebuild that brings every other page (its
/// backlinks' snippets, lists, feeds, search) up to date. Like Hugo's fast render, it only ever runs ahead of a full
/// rebuild, never instead of one, so the site still ends byte for byte equal to a full build.
/// </summary>
public sealed class QuickEdit
{
    private readonly SiteConfig _config;
    private readonly string _contentPrefix;
    private readonly bool _includeDrafts;
    private readonly IReadOnlyDictionary<string, GitHistory.FileDates>? _history;
    private readonly GardenLinks _links;
    private readonly PageRenderer _renderer;
    private readonly string _output;
    private readonly BuildCache _cache;
    private readonly Dictionary<string, (VaultFile File, GardenNote Note, IReadOnlySet<string> Ids)> _byFile;
    private readonly Lock _gate = new();

    internal QuickEdit(SiteConfig config, string contentPrefix, bool includeDrafts, IReadOnlyDictionary<string, GitHistory.FileDates>? history,
        IReadOnlyList<VaultFile> files, GardenLinks links, Garden garden, PageRenderer renderer, string output, BuildCache cache)
    {
        _config = config;
        _contentPrefix = contentPrefix;
        _includeDrafts = includeDrafts;
        _history = history;
        _links = links;
        _renderer = renderer;
        _output = output;
        _cache = cache;
        var pages = links.Pages.ToDictionary(p => p.Note.Path, StringComparer.Ordinal);
        var notes = garden.NotePages().ToDictionary(n => n.Note.Path, StringComparer.Ordinal);
        _byFile = new Dictionary<string, (VaultFile, GardenNote, IReadOnlySet<string>)>(StringComparer.Ordinal);
        foreach (var file in files)
            if (notes.TryGetValue(file.Path, out var note))
                _byFile[Path.GetFullPath(file.FullPath)] = (file, note, pages[file.Path].Ids ?? throw new InvalidOperationException("a finished build knows every page's ids"));
    }

    /// <summary>
    /// Makes the page of the note saved at <paramref name="fullPath"/> again and writes it into the served folder.
    /// Returns the page's address (<c>/folder/note/</c>), or null when the edit is one only a rebuild can show: the
    /// file is not a public note page of the last build, it cannot be read, it is private now, or its front matter or
    /// heading and block ids changed (which other pages' links and lists depend on).
    /// </summary>
    public string? TryRender(string fullPath)
    {
        lock (_gate)
        {
            if (!_byFile.TryGetValue(Path.GetFullPath(fullPath), out var known)) return null;
            var info = new FileInfo(fullPath);
            if (!info.Exists || info.LinkTarget is not null) return null;
            // LoadOne reports a file it cannot read as a problem, so an editor still writing it ends the quick path.
            var file = known.File with { Length = info.Length, LastWriteUtc = info.LastWriteTimeUtc };
            var diagnostics = new DiagnosticBag();
            var note = NoteLoader.LoadOne(file, _config, diagnostics, _contentPrefix + file.Path, _includeDrafts, _history, null);
            var old = known.Note.Note;
            // Privacy first: a note that is not public now, or whose publish state is in doubt, waits for the rebuild.
            if (note is null || diagnostics.HasErrors || note.Title != old.Title || !SameFrontMatter(note.Meta, old.Meta)) return null;

            var document = SiteGenMarkdown.Parse(note.Body);
            if (!GardenBuilder.CollectIds(document).SetEquals(known.Ids)) return null;
            var page = new LinkedPage(note, known.Note.Url, known.Ids);
            var gardenNote = GardenBuilder.NoteOf(page, NoteCompiler.Compile(_links, note, document, _config.TrustHtml));
            var html = _renderer.RenderNotePage(gardenNote);

            var relative = known.Note.Url.OutputFile;
            var target = SiteWriter.Resolve(_output, relative);
            var temporary = target + ".quick";
            File.WriteAllBytes(temporary, html);
            File.Move(temporary, target, overwrite: true);
            // The page now differs from what the manifest says was built there: a key no build makes means the rebuild
            // writes it again, and the entry stays so that the rebuild still deletes the page if the note is gone.
            if (_cache.Outputs is { } manifest && manifest.Files.TryGetValue(relative, out var entry))
                _cache.Outputs = manifest with { Files = new Dictionary<string, OutputEntry>(manifest.Files, StringComparer.Ordinal) { [relative] = entry with { Key = UInt128.Zero } } };
            return "/" + known.Note.Url.Value;
        }
    }

    private static bool SameFrontMatter(FrontMatter a, FrontMatter b) =>
        System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);
}
