using System.Text;
using System.Xml;
using SiteGen.Configuration;
using SiteGen.Emitting.Feeds;
using SiteGen.Linking;
using SiteGen.Output;

namespace SiteGen.Emitting;

/// <summary><c>sitemap.xml</c> with each page's last change, and a <c>robots.txt</c> that points to it.</summary>
public static class SitemapEmitter
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEnumerable<SiteFile> Emit(Garden garden, SiteConfig config)
    {
        var entries = new SortedDictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var note in garden.Notes) entries[note.Url.Value] = note.Note.Updated;
        var newest = garden.Notes.Count > 0 ? garden.Notes.Max(n => n.Note.Updated) : (DateTimeOffset?)null;
        entries.TryAdd("", newest);
        foreach (var folder in garden.AllFolders()) entries.TryAdd(folder.Url.Value, folder.Notes.Select(n => (DateTimeOffset?)n.Note.Updated).Max());
        foreach (var tag in garden.Tags) entries.TryAdd(tag.Url.Value, tag.Notes.Max(n => n.Note.Updated));

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", Ns);
            foreach (var (path, updated) in entries)
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", config.BaseUrl + path);
                if (updated is { } date) writer.WriteElementString("lastmod", FeedWriter.Rfc3339(date));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        yield return new SiteFile("sitemap.xml", stream.ToArray(), null, "sitemap");
        yield return new SiteFile("robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {config.BaseUrl}sitemap.xml\n"), null, "robots.txt");
    }
}
