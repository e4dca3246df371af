using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SiteGen.Markdown.WikiLinks;

/// <summary>
/// Renders a resolved wikilink as <c>&lt;a class="internal"&gt;</c> and an unresolved one as a bare span, with
/// no attribute that could hint at why it did not resolve.
/// </summary>
internal sealed class HtmlWikiLinkRenderer : HtmlObjectRenderer<WikiLinkInline>
{
    protected override void Write(HtmlRenderer renderer, WikiLinkInline obj)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteEscape(obj.DisplayText);
            return;
        }

        if (obj.Href is null)
        {
            renderer.Write("<span class=\"internal unresolved\">");
            renderer.WriteEscape(obj.DisplayText);
            renderer.Write("</span>");
            return;
        }

        renderer.Write("<a class=\"internal\" href=\"");
        renderer.WriteEscape(obj.Href);
        renderer.Write("\">");
        renderer.WriteEscape(obj.DisplayText);
        renderer.Write("</a>");
    }
}
