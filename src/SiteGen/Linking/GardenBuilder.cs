using System.Net;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using SiteGen.Diagnostics;
using SiteGen.Notes;
using SiteGen.Vault;

namespace SiteGen.Linking;

/// <summary>The Linking stage: gives public notes their addresses, resolves their links, and derives backlinks, tags, folders and aliases.</summary>
public static class GardenBuilder
{
    private const int SnippetLength = 200;

    /// <summary>Gives every parsed public note its address and prepares link resolution. Notes missing from <paramref name="ids"/> failed to parse.</summary>
    /// <param name="ids">The heading and block ids of each note, by path; null for a note not parsed yet (see <see cref="LinkedPage.Ids"/>).</param>
    public static GardenLinks Prepare(NoteSet notes, IReadOnlyDictionary<string, IReadOnlySet<string>?> ids, string basePath, PrivateNames privateNames, DiagnosticBag diagnostics)
    {
        var pages = AssignUrls(notes.Notes.Where(n => ids.ContainsKey(n.Path)), ids, diagnostics);
        var resolver = new LinkResolver(pages.Values.Select(p => p.Note).OrderBy(n => n.Path, StringComparer.Ordinal).ToList(), notes.Attachments);
        var ordered = pages.Values.OrderBy(p => p.Note.Path, StringComparer.Ordinal).ToList();
        var unplaced = notes.Notes.Where(n => !pages.ContainsKey(n.Path)).Select(n => n.Path).Order(StringComparer.Ordinal).ToList();
        return new GardenLinks(ordered, pages, resolver, notes.Attachments, privateNames, unplaced, basePath, diagnostics);
    }

    /// <summary>Assembles the garden from every page's compiled note: backlinks, tags, folders, aliases and published attachments.</summary>
    public static Garden Build(GardenLinks links, IReadOnlyDictionary<string, CompiledNote> compiled, DiagnosticBag diagnostics)
    {
        var gardenNotes = new List<GardenNote>(links.Pages.Count);
        foreach (var page in links.Pages) gardenNotes.Add(NoteOf(page, compiled[page.Note.Path]));

        var byPath = gardenNotes.ToDictionary(n => n.Note.Path, StringComparer.Ordinal);
        var backlinks = BuildBacklinks(gardenNotes, byPath);
        var attachments = gardenNotes.SelectMany(n => n.Content.Attachments).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(path => links.Attachment(path)).ToList();
        var home = gardenNotes.FirstOrDefault(n => n.Url == SitePath.Root);
        var root = BuildFolders(gardenNotes, diagnostics);
        var tagsList = BuildTags(gardenNotes);
        var redirects = BuildRedirects(gardenNotes, root, diagnostics);
        return new Garden(gardenNotes, home, backlinks, tagsList, root, redirects, attachments);
    }

    /// <summary>A page's note with its compiled content, its tags (front matter and inline, normalised) and its outlinks.</summary>
    internal static GardenNote NoteOf(LinkedPage page, CompiledNote content)
    {
        var tags = page.Note.Meta.Tags.Select(TagName.Normalize).Concat(content.InlineTags)
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // The garden serves the compiled form; the markdown body stays with the links (for transclusion) only.
        return new GardenNote(page.Note with { Body = "" }, page.Url, content, tags, content.Outlinks.Select(o => o.Target).ToList());
    }

    private static Dictionary<string, LinkedPage> AssignUrls(IEnumerable<Note> notes, IReadOnlyDictionary<string, IReadOnlySet<string>?> ids, DiagnosticBag diagnostics)
    {
        var pages = new Dictionary<string, LinkedPage>(StringComparer.Ordinal);
        var claimed = new Dictionary<string, Note>(StringComparer.Ordinal);
        // A permalink is a deliberate choice, so it claims its address before notes that got theirs from a file name.
        var withUrls = notes.Select(n => (Note: n, Url: UrlAssigner.ForNote(n, diagnostics)))
            .Where(x => x.Url is not null)
            .OrderBy(x => x.Note.Meta.Permalink is null ? 1 : 0)
            .ThenBy(x => x.Note.Path, StringComparer.Ordinal);
        foreach (var (note, url) in withUrls)
        {
            var path = url!.Value;
            if (UrlAssigner.ReservedPages.Contains(path.Value))
            {
                diagnostics.Error("SG0403", $"the address /{path.Value} is where SiteGen writes a page of its own", note.SourceFile);
                continue;
            }
            if (claimed.TryGetValue(path.Value, out var other))
            {
                diagnostics.Error("SG0404", $"'{note.SourceFile}' and '{other.SourceFile}' both want the address /{path.Value}", note.SourceFile);
                continue;
            }
            claimed[path.Value] = note;
            pages[note.Path] = new LinkedPage(note, path, ids[note.Path]);
        }
        return pages;
    }

    /// <summary>The ids that links may point at: headings' auto-identifiers and <c>^block</c> ids.</summary>
    public static IReadOnlySet<string> CollectIds(MarkdownDocument document)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in document.Descendants<Block>())
            if (block.TryGetAttributes()?.Id is { } id) ids.Add(id);
        return ids;
    }

    private static Dictionary<string, IReadOnlyList<Backlink>> BuildBacklinks(List<GardenNote> notes, Dictionary<string, GardenNote> byPath)
    {
        var backlinks = new Dictionary<string, IReadOnlyList<Backlink>>(StringComparer.Ordinal);
        foreach (var note in notes)
        {
            foreach (var link in note.Content.Outlinks)
            {
                if (!byPath.ContainsKey(link.Target)) continue;
                if (!backlinks.TryGetValue(link.Target, out var list)) backlinks[link.Target] = list = new List<Backlink>();
                ((List<Backlink>)list).Add(new Backlink(note, link.SnippetHtml));
            }
        }
        foreach (var list in backlinks.Values)
            ((List<Backlink>)list).Sort((a, b) => string.CompareOrdinal(a.Source.Note.Title, b.Source.Note.Title) is var c && c != 0 ? c : string.CompareOrdinal(a.Source.Note.Path, b.Source.Note.Path));
        return backlinks;
    }

    /// <summary>The block's text (white space already folded), cut to about <see cref="SnippetLength"/> characters around the link, HTML-escaped.</summary>
    internal static string Snippet(string text, string linkText)
    {
        if (text.Length > SnippetLength)
        {
            var at = linkText.Length > 0 ? text.IndexOf(linkText, StringComparison.Ordinal) : -1;
            var start = Math.Clamp(at < 0 ? 0 : at - SnippetLength / 2, 0, text.Length - SnippetLength);
            var cut = text.Substring(start, SnippetLength);
            text = (start > 0 ? "…" : "") + cut.Trim() + (start + SnippetLength < text.Length ? "…" : "");
        }
        return WebUtility.HtmlEncode(text);
    }

    private static GardenFolder BuildFolders(List<GardenNote> notes, DiagnosticBag diagnostics)
    {
        var byUrl = notes.ToDictionary(n => n.Url.Value, StringComparer.Ordinal);
        var notesByFolder = notes.GroupBy(n => n.Note.Folder, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var subfolders = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal) { [""] = new(StringComparer.Ordinal) };
        foreach (var start in notesByFolder.Keys)
        {
            for (var folder = start; folder.Length > 0;)
            {
                var slash = folder.LastIndexOf('/');
                var parent = slash < 0 ? "" : folder[..slash];
                if (!subfolders.TryGetValue(parent, out var children)) subfolders[parent] = children = new(StringComparer.Ordinal);
                if (!children.Add(folder)) break;
                folder = parent;
            }
        }
        return Folder("", notesByFolder, subfolders, byUrl, diagnostics);
    }

    private static GardenFolder Folder(string path, Dictionary<string, List<GardenNote>> notesByFolder, Dictionary<string, SortedSet<string>> subfolders, Dictionary<string, GardenNote> byUrl, DiagnosticBag diagnostics)
    {
        var url = path.Length == 0 ? SitePath.Root : UrlAssigner.ForFolder(path, diagnostics);
        byUrl.TryGetValue(url.Value, out var indexNote);
        var direct = (notesByFolder.TryGetValue(path, out var inFolder) ? inFolder : []).Where(n => !ReferenceEquals(n, indexNote))
            .OrderBy(n => n.Note.Title, StringComparer.OrdinalIgnoreCase).ThenBy(n => n.Note.Path, StringComparer.Ordinal).ToList();
        var children = (subfolders.TryGetValue(path, out var names) ? names : [])
            .Select(f => Folder(f, notesByFolder, subfolders, byUrl, diagnostics)).ToList();
        var name = path.Length == 0 ? "" : path[(path.LastIndexOf('/') + 1)..];
        return new GardenFolder(path, name, url, direct, children, indexNote);
    }

    private static List<GardenTag> BuildTags(List<GardenNote> notes)
    {
        var members = new SortedDictionary<string, List<GardenNote>>(StringComparer.Ordinal);
        foreach (var note in notes)
            foreach (var tag in note.Tags.SelectMany(TagName.WithParents).Distinct(StringComparer.Ordinal))
            {
                if (!members.TryGetValue(tag, out var list)) members[tag] = list = [];
                list.Add(note);
            }
        return members.Select(pair => new GardenTag(
                pair.Key,
                UrlAssigner.ForTag(pair.Key),
                pair.Value.OrderByDescending(n => n.Note.Updated).ThenBy(n => n.Note.Path, StringComparer.Ordinal).ToList(),
                members.Keys.Where(k => k.StartsWith(pair.Key + "/", StringComparison.Ordinal) && !k[(pair.Key.Length + 1)..].Contains('/')).ToList()))
            .ToList();
    }

    private static List<Redirect> BuildRedirects(List<GardenNote> notes, GardenFolder root, DiagnosticBag diagnostics)
    {
        var taken = new HashSet<string>(notes.Select(n => n.Url.Value), StringComparer.Ordinal);
        var stack = new Stack<GardenFolder>([root]);
        while (stack.Count > 0)
            foreach (var sub in stack.Pop().Folders)
            {
                taken.Add(sub.Url.Value);
                stack.Push(sub);
            }
        taken.Add("");
        var redirects = new List<Redirect>();
        foreach (var note in notes)
            foreach (var alias in note.Note.Meta.Aliases)
            {
                var url = UrlAssigner.ForAlias(alias);
                if (url is null || UrlAssigner.ReservedPages.Contains(url.Value.Value) || url.Value.Value.StartsWith("tags/", StringComparison.Ordinal)) continue;
                if (!taken.Add(url.Value.Value)) continue;
                redirects.Add(new Redirect(url.Value, note, alias));
            }
        return redirects;
    }
}
