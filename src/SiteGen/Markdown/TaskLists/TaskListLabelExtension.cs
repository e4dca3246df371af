using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;

namespace SiteGen.Markdown.TaskLists;

/// <summary>
/// Task list checkboxes get an accessible name (<c>aria-label="done"</c> or <c>"to do"</c>): Markdig writes a bare
/// <c>&lt;input type="checkbox"&gt;</c>, which screen readers announce without a name (axe: label, critical).
/// Register it after <c>UseTaskLists()</c>.
/// </summary>
internal sealed class TaskListLabelExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html || html.ObjectRenderers.Contains<HtmlLabelledTaskListRenderer>()) return;
        var plain = html.ObjectRenderers.Find<HtmlTaskListRenderer>()
            ?? throw new InvalidOperationException("Task list labels need Markdig's task lists (UseTaskLists) first.");
        html.ObjectRenderers.Replace<HtmlTaskListRenderer>(new HtmlLabelledTaskListRenderer(plain));
    }
}
