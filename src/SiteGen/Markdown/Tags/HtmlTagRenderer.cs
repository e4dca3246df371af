using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SiteGen.Markdown.Tags;

/// <summary>Renders <c>&lt;a class="tag"&gt;#tag&lt;/a&gt;</c>, or a span when the tag has no page.</summary>
internal sealed class HtmlTagRenderer : HtmlObjectRenderer<TagInline>
{
    protected override void Write(HtmlRenderer renderer, TagInline obj)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.Write('#');
            renderer.WriteEscape(obj.Tag);
            return;
        }

        if (obj.Href is null)
        {
            renderer.Write("<span class=\"tag\">#");
            renderer.WriteEscape(obj.Tag);
            renderer.Write("</span>");
            return;
        }

        renderer.Write("<a class=\"tag\" href=\"");
        renderer.WriteEscape(obj.Href);
        renderer.Write("\">#");
        renderer.WriteEscape(obj.Tag);
        renderer.Write("</a>");
    }
}
