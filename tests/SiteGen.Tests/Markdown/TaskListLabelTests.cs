using SiteGen.Markdown;
using Xunit;

namespace SiteGen.Tests.Markdown;

public sealed class TaskListLabelTests
{
    [Fact]
    public void Task_checkboxes_are_named_by_their_state()
    {
        var html = SiteGenMarkdown.RenderHtml(SiteGenMarkdown.Parse("- [x] sow\n- [ ] water\n"));

        Assert.Contains("<input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" aria-label=\"done\" /> sow", html, StringComparison.Ordinal);
        Assert.Contains("<input disabled=\"disabled\" type=\"checkbox\" aria-label=\"to do\" /> water", html, StringComparison.Ordinal);
    }
}
