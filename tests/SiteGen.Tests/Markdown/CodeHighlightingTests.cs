using AngleSharp.Html.Parser;
using SiteGen.Markdown;
using SiteGen.Markdown.CodeHighlighting;
using Xunit;

namespace SiteGen.Tests.Markdown;

public sealed class CodeHighlightingTests
{
    private static string Render(string markdown) => SiteGenMarkdown.RenderHtml(SiteGenMarkdown.Parse(markdown));

    private static AngleSharp.Dom.IElement Code(string markdown) =>
        new HtmlParser().ParseDocument(Render(markdown)).QuerySelector("pre > code") ?? throw new InvalidOperationException("no code block");

    [Theory]
    [InlineData("csharp", "public sealed class A { }", "hl-keyword", "public")]
    [InlineData("cs", "var s = \"x\";", "hl-string", "\"x\"")]
    [InlineData("js", "function f() { return 1; }", "hl-number", "1")]
    [InlineData("typescript", "let n: number = 2;", "hl-type", "number")]
    [InlineData("python", "def f(x):\n    return x  # done", "hl-comment", "# done")]
    [InlineData("bash", "echo \"hi\" | grep h", "hl-function", "echo")]
    [InlineData("yaml", "title: Garden", "hl-tag", "title")]
    [InlineData("json", "{\"a\": true}", "hl-constant", "true")]
    [InlineData("html", "<p class=\"x\">hi</p>", "hl-attr", "class")]
    [InlineData("css", "a { color: red; }", "hl-property", "color")]
    [InlineData("rust", "fn main() { let x = 1; }", "hl-keyword", "fn")]
    [InlineData("go", "package main\nfunc main() {}", "hl-keyword", "package")]
    public void Known_languages_are_coloured_with_classes(string language, string code, string cssClass, string text)
    {
        var element = Code($"```{language}\n{code}\n```\n");

        Assert.Equal("language-" + language, element.ClassName);
        Assert.Contains(element.QuerySelectorAll("span." + cssClass), s => s.TextContent.Contains(text, StringComparison.Ordinal));
        Assert.Equal(code + "\n", element.TextContent);
        Assert.Empty(element.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void Markup_in_code_stays_text()
    {
        var html = Render("```html\n<script>alert(1)</script>\n```\n\n```js\nx = \"</code></pre><script>alert(2)</script>\"\n```\n");
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Equal(2, document.QuerySelectorAll("pre > code").Length);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Equal("x = \"</code></pre><script>alert(2)</script>\"\n", document.QuerySelectorAll("pre > code")[1].TextContent);
    }

    [Theory]
    [InlineData("```\n<b>plain</b>\n```\n", "<pre><code>&lt;b&gt;plain&lt;/b&gt;\n</code></pre>\n")]
    [InlineData("```nosuchlanguage\nx <y\n```\n", "<pre><code class=\"language-nosuchlanguage\">x &lt;y\n</code></pre>\n")]
    [InlineData("```math\nx^2\n```\n", "<pre><code class=\"language-math\">x^2\n</code></pre>\n")]
    [InlineData("```text\nif x\n```\n", "<pre><code class=\"language-text\">if x\n</code></pre>\n")]
    [InlineData("```mermaid\ngraph TD; A-->B;\n```\n", "<pre class=\"mermaid\">graph TD; A-->B;\n</pre>\n")]
    [InlineData("    int x;\n", "<pre><code>int x;\n</code></pre>\n")]
    public void Other_blocks_keep_their_plain_output(string markdown, string html) => Assert.Equal(html, Render(markdown));

    [Theory]
    [InlineData("C#")]
    [InlineData("sh")]
    [InlineData("shell")]
    [InlineData("yml")]
    [InlineData("Python")]
    [InlineData("golang")]
    public void Common_names_of_a_language_are_known(string language) => Assert.NotNull(CodeHighlighter.ScopeOf(language));

    [Fact]
    public void A_very_long_line_is_written_plain()
    {
        var element = Code("```js\nvar x = \"" + new string('a', 5000) + "\";\n```\n");

        Assert.Empty(element.QuerySelectorAll("span"));
    }

    [Fact]
    public void Parallel_renders_give_the_same_html()
    {
        var markdown = string.Join("\n", Enumerable.Range(0, 6).Select(i => $"```{(i % 2 == 0 ? "csharp" : "python")}\nvar x{i} = \"s\"; // c\n```\n"));
        var expected = Render(markdown);
        var results = new string[64];

        Parallel.For(0, results.Length, i => results[i] = Render(markdown));

        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.Contains("hl-comment", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void The_budget_clock_counts_the_threads_work_not_its_waits()
    {
        // A block's budget is counted on this clock, so that a busy machine or a collector's pause, during which the
        // thread waits, cannot turn a block plain that a quiet machine colours.
        var before = ThreadCpuClock.Now();
        Thread.Sleep(300);
        var slept = ThreadCpuClock.Now() - before;

        var started = ThreadCpuClock.Now();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var spins = 0L;
        while (ThreadCpuClock.Now() - started < TimeSpan.FromMilliseconds(50) && wall.Elapsed < TimeSpan.FromSeconds(20)) spins++;

        Assert.True(slept < TimeSpan.FromMilliseconds(150), $"{slept.TotalMilliseconds} ms counted while the thread slept");
        Assert.True(ThreadCpuClock.Now() - started >= TimeSpan.FromMilliseconds(50), $"the clock did not move in {spins} spins");
    }
}
