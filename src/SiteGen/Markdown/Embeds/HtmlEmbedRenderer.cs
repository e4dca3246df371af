using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Markdown.Images;

namespace SiteGen.Markdown.Embeds;

/// <summary>
/// Renders media embeds and note transclusions. One instance belongs to one <see cref="HtmlRenderer"/>, so the
/// stack of notes being transcluded is per render and the shared pipeline stays thread-safe.
/// </summary>
internal sealed class HtmlEmbedRenderer : HtmlObjectRenderer<EmbedInline>
{
    /// <summary>How many transclusions may nest inside one another.</summary>
    public const int MaxDepth = 3;

    private readonly List<string> _open = [];

    /// <summary>The key of the note being rendered, so that it cannot transclude itself.</summary>
    public string? HostKey { get; set; }

    protected override void Write(HtmlRenderer renderer, EmbedInline obj)
    {
        // Plain-text rendering (heading ids, excerpts) shows nothing of an embed.
        if (!renderer.EnableHtmlForInline) return;

        switch (obj.Source)
        {
            case MediaEmbed media:
                WriteMedia(renderer, obj, media);
                break;
            case NoteEmbed note:
                WriteTransclusion(renderer, obj, note);
                break;
            default:
                WritePlaceholder(renderer);
                break;
        }
    }

    // Shows nothing of the target, not even its name: an embed of a private note must look like any other
    // missing embed.
    private static void WritePlaceholder(HtmlRenderer renderer) =>
        renderer.Write("<span class=\"embed unresolved\">missing embed</span>");

    private static void WriteMedia(HtmlRenderer renderer, EmbedInline embed, MediaEmbed media)
    {
        switch (media.Kind)
        {
            case MediaKind.Image:
                renderer.Write("<img src=\"").WriteEscape(media.Href).Write("\" alt=\"").WriteEscape(AltText(embed)).Write("\" loading=\"lazy\" decoding=\"async\"");
                WriteSize(renderer, embed, media.Size);
                renderer.Write(" />");
                break;
            case MediaKind.Audio:
                renderer.Write("<audio controls src=\"").WriteEscape(media.Href).Write("\"></audio>");
                break;
            case MediaKind.Video:
                renderer.Write("<video controls src=\"").WriteEscape(media.Href).Write('"');
                WriteSize(renderer, embed, null);
                renderer.Write("></video>");
                break;
            case MediaKind.Pdf:
                renderer.Write("<iframe class=\"embed-pdf\" src=\"").WriteEscape(media.Href).Write("\" loading=\"lazy\"></iframe>");
                break;
            default:
                renderer.Write("<a class=\"internal embed-file\" href=\"").WriteEscape(media.Href).Write("\">")
                    .WriteEscape(embed.Width is null ? embed.Label ?? FileName(embed.Target) : FileName(embed.Target)).Write("</a>");
                break;
        }
    }

    private static string AltText(EmbedInline embed) =>
        embed.Width is null && embed.Label is not null ? embed.Label : FileName(embed.Target);

    private static string FileName(string target)
    {
        var slash = target.LastIndexOf('/');
        return slash < 0 ? target : target[(slash + 1)..];
    }

    // |300 sets the width; the file's own size, when known, gives the height that keeps its proportions, so the
    // page does not jump when the image arrives.
    private static void WriteSize(HtmlRenderer renderer, EmbedInline embed, ImageSize? size)
    {
        var width = embed.Width ?? size?.Width;
        var height = embed.Height ?? (embed.Width is { } w ? size?.HeightAt(w) : size?.Height);
        if (width is { } x) renderer.Write(" width=\"").Write(x.ToString(CultureInfo.InvariantCulture)).Write('"');
        if (height is { } y) renderer.Write(" height=\"").Write(y.ToString(CultureInfo.InvariantCulture)).Write('"');
    }

    private void WriteTransclusion(HtmlRenderer renderer, EmbedInline embed, NoteEmbed note)
    {
        if (_open.Count >= MaxDepth || IsOpen(note))
        {
            WritePlaceholder(renderer);
            return;
        }

        var blocks = NoteSection.Select(note.Document, note.Fragment);
        if (blocks is null)
        {
            WritePlaceholder(renderer);
            return;
        }

        renderer.EnsureLine();
        renderer.Write("<div class=\"transclusion\" data-embed-href=\"").WriteEscape(note.Href).WriteLine("\">");
        renderer.Write("<div class=\"transclusion-title\"><a class=\"internal\" href=\"").WriteEscape(note.Href).Write("\">")
            .WriteEscape(note.Title).WriteLine("</a></div>");
        renderer.WriteLine("<div class=\"transclusion-content\">");

        // The embed may sit in a tight list, where paragraphs are written without <p>; the note's own
        // paragraphs must keep theirs.
        var implicitParagraph = renderer.ImplicitParagraph;
        renderer.ImplicitParagraph = false;
        _open.Add(note.Key);
        try
        {
            foreach (var block in blocks)
            {
                renderer.EnsureLine();
                renderer.Write(block);
            }
        }
        finally
        {
            _open.RemoveAt(_open.Count - 1);
            renderer.ImplicitParagraph = implicitParagraph;
        }
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
        renderer.Write("</div>");
    }

    private bool IsOpen(NoteEmbed note) =>
        string.Equals(note.Key, HostKey, StringComparison.Ordinal) || _open.Contains(note.Key, StringComparer.Ordinal);
}
