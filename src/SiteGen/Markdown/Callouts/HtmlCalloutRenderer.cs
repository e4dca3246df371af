using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SiteGen.Markdown.Callouts;

/// <summary>Renders a foldable callout as <c>&lt;details&gt;</c> and any other as a <c>&lt;div&gt;</c>.</summary>
internal sealed class HtmlCalloutRenderer : HtmlObjectRenderer<CalloutBlock>
{
    protected override void Write(HtmlRenderer renderer, CalloutBlock obj)
    {
        if (!renderer.EnableHtmlForBlock)
        {
            WriteTitle(renderer, obj);
            renderer.EnsureLine();
            WriteContent(renderer, obj);
            return;
        }

        var foldable = obj.Fold != CalloutFold.None;
        renderer.EnsureLine();
        renderer.Write(foldable ? "<details" : "<div").Write(" class=\"callout\" data-callout=\"").WriteEscape(obj.Type).Write('"');
        if (obj.TryGetAttributes()?.Id is { } id) renderer.Write(" id=\"").WriteEscape(id).Write('"');
        if (obj.Fold == CalloutFold.Open) renderer.Write(" open");
        renderer.WriteLine(">");

        renderer.Write(foldable ? "<summary class=\"callout-title\">" : "<div class=\"callout-title\">");
        WriteTitle(renderer, obj);
        renderer.WriteLine(foldable ? "</summary>" : "</div>");

        renderer.WriteLine("<div class=\"callout-content\">");
        var implicitParagraph = renderer.ImplicitParagraph;
        renderer.ImplicitParagraph = false;
        WriteContent(renderer, obj);
        renderer.ImplicitParagraph = implicitParagraph;
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
        renderer.WriteLine(foldable ? "</details>" : "</div>");
    }

    private static void WriteTitle(HtmlRenderer renderer, CalloutBlock callout)
    {
        if (callout.TitleBlock is { } title) renderer.WriteLeafInline(title);
        else renderer.WriteEscape(callout.DefaultTitle);
    }

    private static void WriteContent(HtmlRenderer renderer, CalloutBlock callout)
    {
        foreach (var child in callout)
        {
            if (child is not CalloutTitleBlock) renderer.Write(child);
        }
    }
}
