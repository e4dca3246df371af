using SiteGen.Vault;

namespace SiteGen.Linking;

/// <summary>The linked garden: every public page and the graph between them. Built by <see cref="GardenBuilder"/>, read by renderers and emitters.</summary>
public sealed record Garden(
    IReadOnlyList<GardenNote> Notes,
    GardenNote? Home,
    IReadOnlyDictionary<string, IReadOnlyList<Backlink>> Backlinks,
    IReadOnlyList<GardenTag> Tags,
    GardenFolder RootFolder,
    IReadOnlyList<Redirect> Redirects,
    IReadOnlyList<PublishedAttachment> Attachments)
{
    public IReadOnlyList<Backlink> BacklinksOf(GardenNote note) =>
        Backlinks.TryGetValue(note.Note.Path, out var list) ? list : [];

    /// <summary>The notes that get a note page: all but the home note and notes standing at a folder's address.</summary>
    public IEnumerable<GardenNote> NotePages()
    {
        var folderUrls = AllFolders().Select(f => f.Url.Value).ToHashSet(StringComparer.Ordinal);
        return Notes.Where(n => n.Url != SitePath.Root && !folderUrls.Contains(n.Url.Value));
    }

    /// <summary>Every folder below the root, depth first in ordinal order.</summary>
    public IEnumerable<GardenFolder> AllFolders()
    {
        var stack = new Stack<GardenFolder>([RootFolder]);
        while (stack.Count > 0)
        {
            var folder = stack.Pop();
            if (folder.Path.Length > 0) yield return folder;
            for (var i = folder.Folders.Count - 1; i >= 0; i--) stack.Push(folder.Folders[i]);
        }
    }
}

/// <summary>A public note with its place in the site, its rendered content and what linking found in it.</summary>
public sealed record GardenNote(
    Notes.Note Note,
    SitePath Url,
    CompiledNote Content,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Outlinks)
{
    public IReadOnlyList<Heading> Headings => Content.Headings;

    public int WordCount { get; } = Content.WordCount;

    /// <summary>The front matter's description, or else the first paragraph, cut to <paramref name="max"/> characters.</summary>
    public string? Summary(int max) => Note.Meta.Description ?? PlainText.Cut(Content.FirstParagraph, max);
}

public sealed record Heading(int Level, string Text, string Id);

/// <summary>A public note that links to or embeds another, with the escaped text around the link.</summary>
public sealed record Backlink(GardenNote Source, string SnippetHtml);

/// <summary>A tag and the public notes that carry it or one of its children.</summary>
public sealed record GardenTag(string Name, SitePath Url, IReadOnlyList<GardenNote> Notes, IReadOnlyList<string> Children);

/// <summary>A folder that holds public notes. <paramref name="IndexNote"/> is the note standing at the folder's address, if any.</summary>
public sealed record GardenFolder(string Path, string Name, SitePath Url, IReadOnlyList<GardenNote> Notes, IReadOnlyList<GardenFolder> Folders, GardenNote? IndexNote)
{
    public int Count => Notes.Count + Folders.Sum(f => f.Count);
}

/// <summary>An alias page that sends readers on to <paramref name="Target"/>.</summary>
public sealed record Redirect(SitePath From, GardenNote Target, string Alias);

/// <summary>An attachment that a public note references, and where it goes in the site.</summary>
public sealed record PublishedAttachment(VaultFile File, SitePath Url);
