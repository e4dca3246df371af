using Ganss.Xss;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Diagnostics;
using SiteGen.Notes;
using SiteGen.Markdown;
using SiteGen.Markdown.Embeds;

namespace SiteGen.Rendering;

/// <summary>
/// Renders a note's tree to HTML. When the note (or a note it transcludes) contains raw HTML, the result goes
/// through an allow-list sanitizer unless <c>markdown.trustHtml</c> is set; what it removes is reported.
/// Markdown without raw HTML needs no sanitizer: our renderers escape text, and the linker removed unsafe URL schemes.
/// </summary>
public static class ContentRenderer
{
    public static string Render(Note note, MarkdownDocument document, bool trustHtml, DiagnosticBag diagnostics)
    {
        var html = SiteGenMarkdown.RenderHtml(document, note.Path);
        if (trustHtml || !ContainsRawHtml(document, 0)) return html;
        var sanitizer = CreateSanitizer();
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        sanitizer.RemovingTag += (_, e) => removed.Add("<" + e.Tag.LocalName + ">");
        sanitizer.RemovingAttribute += (_, e) => removed.Add(e.Attribute.Name + "=");
        sanitizer.RemovingStyle += (_, e) => removed.Add("style " + e.Style.Name);
        sanitizer.RemovingAtRule += (_, _) => removed.Add("@rule");
        sanitizer.RemovingComment += (_, _) => { };
        var clean = sanitizer.Sanitize(html);
        if (removed.Count > 0)
        {
            var line = document.Descendants().FirstOrDefault(n => n is HtmlBlock or HtmlInline)?.Line ?? 0;
            diagnostics.Warn("SG0701", $"raw HTML removed by the sanitizer: {string.Join(", ", removed)} (set markdown.trustHtml to keep it)", note.SourceFile, note.BodyLine + line);
        }
        return clean;
    }

    private static bool ContainsRawHtml(MarkdownDocument document, int depth)
    {
        foreach (var node in document.Descendants())
        {
            if (node is HtmlBlock or HtmlInline) return true;
            if (depth < 4 && node is EmbedInline { Source: NoteEmbed embed } && ContainsRawHtml(embed.Document, depth + 1)) return true;
        }
        return false;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "details", "summary", "mark", "audio", "video", "source", "iframe", "figure", "figcaption", "kbd", "sup", "sub", "input", "section", "aside", "abbr", "del", "ins", "dl", "dt", "dd" })
            sanitizer.AllowedTags.Add(tag);
        foreach (var attribute in new[] { "class", "id", "loading", "decoding", "controls", "open", "disabled", "checked", "type", "role", "aria-hidden", "aria-label", "width", "height", "title", "alt", "start" })
            sanitizer.AllowedAttributes.Add(attribute);
        sanitizer.AllowDataAttributes = true;
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.RemovingComment += (_, _) => { };
        // Iframes exist for our own PDF embeds: they may only show a file of this site, never another page.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.LocalName == "iframe" && !(e.OriginalUrl.StartsWith('/') && !e.OriginalUrl.StartsWith("//", StringComparison.Ordinal)))
                e.SanitizedUrl = null;
        };
        return sanitizer;
    }
}
