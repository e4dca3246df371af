using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace SiteGen.Markdown.CodeHighlighting;

/// <summary>
/// Writes a fenced code block of a known language as <c>&lt;pre&gt;&lt;code class="language-x"&gt;</c> with
/// <c>&lt;span class="hl-…"&gt;</c> tokens; every other code block goes to Markdig's renderer unchanged.
/// </summary>
internal sealed class HtmlHighlightedCodeRenderer(CodeBlockRenderer plain) : HtmlObjectRenderer<CodeBlock>
{
    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        if (!renderer.EnableHtmlForBlock || obj is not FencedCodeBlock { Info: { Length: > 0 } info } fenced
            || plain.BlocksAsDiv.Contains(info) || CodeHighlighter.Highlight(info, Lines(fenced)) is not { } lines)
        {
            plain.Write(renderer, (MarkdownObject)obj);
            return;
        }

        renderer.EnsureLine();
        renderer.Write("<pre><code").WriteAttributes(obj).Write('>');
        foreach (var line in lines)
        {
            foreach (var token in line.Tokens)
            {
                if (token.CssClass is null)
                {
                    renderer.WriteEscape(line.Text, token.Start, token.Length);
                    continue;
                }
                renderer.Write("<span class=\"").Write(token.CssClass).Write("\">");
                renderer.WriteEscape(line.Text, token.Start, token.Length);
                renderer.Write("</span>");
            }
            renderer.WriteLine();
        }
        renderer.WriteLine("</code></pre>");
    }

    private static string[] Lines(FencedCodeBlock block)
    {
        var lines = new string[block.Lines.Count];
        for (var i = 0; i < lines.Length; i++) lines[i] = block.Lines.Lines[i].Slice.ToString();
        return lines;
    }
}
