using System.Collections.Concurrent;
using SiteGen.Diagnostics;
using SiteGen.Markdown.Images;
using SiteGen.Vault;

namespace SiteGen.Linking;

/// <summary>
/// The garden's names and addresses, ready to link notes against: every public page with its address and ids, the
/// resolver, and the attachments' addresses. Built by <see cref="GardenBuilder.Prepare"/>; thread-safe to read.
/// </summary>
public sealed class GardenLinks
{
    private readonly IReadOnlyDictionary<string, LinkedPage> _byPath;
    private readonly LinkResolver _resolver;
    private readonly Dictionary<string, VaultFile> _attachments;
    private readonly PrivateNames _privateNames;
    private readonly PrivateNames _unplacedNames;
    private readonly string _basePath;
    private readonly DiagnosticBag _diagnostics;
    private readonly ConcurrentDictionary<string, SitePath> _attachmentUrls;

    // Read once per build: a chart embedded by a hundred notes is opened once.
    private readonly ConcurrentDictionary<string, ImageSize?> _imageSizes;

    internal GardenLinks(IReadOnlyList<LinkedPage> pages, IReadOnlyDictionary<string, LinkedPage> byPath, LinkResolver resolver,
        IReadOnlyList<VaultFile> attachments, PrivateNames privateNames, IReadOnlyList<string> unplaced, string basePath, DiagnosticBag diagnostics)
    {
        Pages = pages;
        _byPath = byPath;
        _resolver = resolver;
        _attachments = attachments.ToDictionary(a => a.Path, StringComparer.Ordinal);
        _privateNames = privateNames;
        Unplaced = unplaced;
        _unplacedNames = new PrivateNames(unplaced, false);
        _basePath = basePath;
        _diagnostics = diagnostics;
        _attachmentUrls = new(StringComparer.Ordinal);
        _imageSizes = new(StringComparer.Ordinal);
    }

    /// <summary>The same garden with every page's ids known. Addresses already made and images already read are kept, so nothing is reported twice.</summary>
    internal GardenLinks WithIds(IReadOnlyDictionary<string, IReadOnlySet<string>> ids)
    {
        var pages = Pages.Select(p => p with { Ids = ids[p.Note.Path] }).ToList();
        return new GardenLinks(this, pages);
    }

    private GardenLinks(GardenLinks other, IReadOnlyList<LinkedPage> pages)
    {
        Pages = pages;
        _byPath = pages.ToDictionary(p => p.Note.Path, StringComparer.Ordinal);
        _resolver = other._resolver;
        _attachments = other._attachments;
        _privateNames = other._privateNames;
        Unplaced = other.Unplaced;
        _unplacedNames = other._unplacedNames;
        _basePath = other._basePath;
        _diagnostics = other._diagnostics;
        _attachmentUrls = other._attachmentUrls;
        _imageSizes = other._imageSizes;
    }

    /// <summary>The public pages in path order.</summary>
    internal IReadOnlyList<LinkedPage> Pages { get; }

    /// <summary>Paths of public notes that got no address (their errors are reported), in path order.</summary>
    public IReadOnlyList<string> Unplaced { get; }

    /// <summary>The notes that have an address, in path order.</summary>
    public IEnumerable<Notes.Note> Notes => Pages.Select(p => p.Note);

    /// <summary>A linker that reports into <paramref name="diagnostics"/> (and fragments taken on trust into <paramref name="assumed"/>, see <see cref="NoteLinker"/>).</summary>
    internal NoteLinker CreateLinker(DiagnosticBag diagnostics, ICollection<(string Target, string Id)>? assumed = null) =>
        new(_resolver, _byPath, _privateNames, _unplacedNames, AttachmentUrl, ImageSizeOf, _basePath, diagnostics, assumed);

    internal PublishedAttachment Attachment(string path) => new(_attachments[path], AttachmentUrl(_attachments[path]));

    private ImageSize? ImageSizeOf(VaultFile file) => _imageSizes.GetOrAdd(file.Path, _ => ImageSize.Read(file.FullPath));

    // An attachment's address problem is about the file, not the note that links it, so it is reported once to the build.
    private SitePath AttachmentUrl(VaultFile file) => _attachmentUrls.GetOrAdd(file.Path, _ => UrlAssigner.ForAttachment(file, _diagnostics));
}
