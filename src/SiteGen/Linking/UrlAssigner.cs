using SiteGen.Diagnostics;
using SiteGen.Notes;
using SiteGen.Vault;

namespace SiteGen.Linking;

/// <summary>Gives each public note and attachment its <see cref="SitePath"/> (DESIGN §6).</summary>
public static class UrlAssigner
{
    /// <summary>
    /// Addresses of pages SiteGen generates itself; a note may not stand there. A note inside one of these folders is
    /// fine (a vault folder named Tags is common) unless it lands on a generated page, which the writer reports.
    /// </summary>
    public static readonly IReadOnlySet<string> ReservedPages = new HashSet<string>(StringComparer.Ordinal) { "tags/", "search/", "graph/", "tended/" };

    /// <summary>The note's page address, or null (with an error) when its permalink cannot be used.</summary>
    public static SitePath? ForNote(Note note, DiagnosticBag diagnostics)
    {
        if (note.Meta.Permalink is { } permalink)
        {
            var trimmed = permalink.Trim();
            if (trimmed == "/") return SitePath.Root;
            var segments = trimmed.Trim('/').Split('/');
            foreach (var segment in segments)
            {
                var decoded = Uri.UnescapeDataString(segment);
                if (decoded.Length == 0 || decoded is "." or ".." || decoded.Contains('\\') || decoded.Contains('\0') || decoded.Contains(':') || Slugger.Segment(decoded).Length == 0)
                {
                    diagnostics.Error("SG0401", $"permalink '{permalink}' is not a path of plain segments (no '..', '\\', ':' or empty parts)", note.SourceFile, note.Meta.PermalinkLine);
                    return null;
                }
            }
            return new SitePath(string.Join('/', segments.Select(s => Slugger.Segment(Uri.UnescapeDataString(s)))) + "/");
        }
        if (note.Path.Equals("index.md", StringComparison.OrdinalIgnoreCase)) return SitePath.Root;
        var parts = note.Path[..^3].Split('/');
        // folder/index.md stands at the folder's address and supplies the folder page's text.
        if (parts[^1].Equals("index", StringComparison.OrdinalIgnoreCase)) parts = parts[..^1];
        return new SitePath(string.Join('/', parts.Select(p => SlugOrWarn(p, note.SourceFile, diagnostics))) + "/");
    }

    /// <summary>Folder pages: each folder segment slugified.</summary>
    public static SitePath ForFolder(string folderPath, DiagnosticBag diagnostics) =>
        new(string.Join('/', folderPath.Split('/').Select(p => SlugOrWarn(p, folderPath, diagnostics))) + "/");

    /// <summary>Attachments keep their folders and extension; the rest is slugified.</summary>
    public static SitePath ForAttachment(VaultFile file, DiagnosticBag diagnostics)
    {
        var parts = file.Path.Split('/');
        var extension = Path.GetExtension(parts[^1]);
        parts[^1] = Path.GetFileNameWithoutExtension(parts[^1]);
        var slugged = parts.Select(p => SlugOrWarn(p, file.Path, diagnostics)).ToArray();
        var cleanExtension = Slugger.Segment(extension);
        return new SitePath(string.Join('/', slugged) + (cleanExtension.Length > 0 ? "." + cleanExtension : ""));
    }

    /// <summary>A tag page: <c>tags/a/b/</c>.</summary>
    public static SitePath ForTag(string tag) =>
        new("tags/" + string.Join('/', tag.Split('/').Select(s => Slugger.SegmentOrHash(s, out _))) + "/");

    /// <summary>An alias's redirect page, or null when the alias makes no usable path.</summary>
    public static SitePath? ForAlias(string alias)
    {
        var segments = alias.Trim().Trim('/').Split('/');
        if (segments.Any(s => s is "" or "." or ".." || Slugger.Segment(s).Length == 0)) return null;
        return new SitePath(string.Join('/', segments.Select(Slugger.Segment)) + "/");
    }

    private static string SlugOrWarn(string segment, string file, DiagnosticBag diagnostics)
    {
        var slug = Slugger.SegmentOrHash(segment, out var hashed);
        if (hashed) diagnostics.Warn("SG0402", $"'{segment}' has no letters or digits, so its address uses '{slug}'", file);
        return slug;
    }
}
