using Markdig;

namespace SiteGen.Markdown.TaskLists;

internal static class TaskListPipelineExtensions
{
    /// <summary>Names task list checkboxes by their state, for screen readers.</summary>
    public static MarkdownPipelineBuilder UseTaskListLabels(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<TaskListLabelExtension>();
        return pipeline;
    }
}
