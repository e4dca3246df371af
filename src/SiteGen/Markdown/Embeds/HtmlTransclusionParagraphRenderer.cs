using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace SiteGen.Markdown.Embeds;

/// <summary>
/// Writes a paragraph that holds nothing but a note transclusion without its <c>&lt;p&gt;</c>, since a
/// <c>&lt;div&gt;</c> may not sit inside a paragraph. Every other paragraph renders as Markdig renders it.
/// </summary>
internal sealed class HtmlTransclusionParagraphRenderer : ParagraphRenderer
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
    {
        if (obj.Inline?.FirstChild is EmbedInline { Source: NoteEmbed } embed && embed.NextSibling is null)
        {
            renderer.EnsureLine();
            renderer.WriteLeafInline(obj);
            renderer.EnsureLine();
            return;
        }
        base.Write(renderer, obj);
    }
}
