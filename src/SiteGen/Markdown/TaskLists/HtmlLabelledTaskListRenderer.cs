using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace SiteGen.Markdown.TaskLists;

/// <summary>Writes a task's checkbox with its state as its name; plain-text renders keep Markdig's <c>[x]</c>.</summary>
internal sealed class HtmlLabelledTaskListRenderer(HtmlTaskListRenderer plain) : HtmlObjectRenderer<TaskList>
{
    protected override void Write(HtmlRenderer renderer, TaskList obj)
    {
        if (!renderer.EnableHtmlForInline)
        {
            plain.Write(renderer, (MarkdownObject)obj);
            return;
        }
        renderer.Write("<input").WriteAttributes(obj).Write(" disabled=\"disabled\" type=\"checkbox\"");
        renderer.Write(obj.Checked ? " checked=\"checked\" aria-label=\"done\" />" : " aria-label=\"to do\" />");
    }
}
