using SiteGen.Linking;
using SiteGen.Output;
using SiteGen.Rendering;

namespace SiteGen.Emitting;

/// <summary>Files copied as they are: the attachments public notes reference, and the theme's assets.</summary>
public static class StaticFiles
{
    public static IEnumerable<SiteFile> Emit(Garden garden, Theme theme)
    {
        foreach (var attachment in garden.Attachments)
            yield return new SiteFile(attachment.Url.Value, null, attachment.File.FullPath, "attachment " + attachment.File.Path);
        foreach (var (path, full) in theme.Assets)
            yield return new SiteFile(path, null, full, "theme asset " + path);
        yield return new SiteFile(".nojekyll", [], null, "GitHub Pages marker");
    }
}
