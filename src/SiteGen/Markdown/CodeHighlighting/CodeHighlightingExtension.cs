using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SiteGen.Markdown.CodeHighlighting;

/// <summary>
/// Build-time highlighting of fenced code blocks: the theme ships no highlighting script. Markdig's own code block
/// renderer is kept inside ours for every block we do not highlight (no language, an unknown one, mermaid, math),
/// so those render exactly as before. Register it after the extensions that configure that renderer (diagrams).
/// </summary>
internal sealed class CodeHighlightingExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html || html.ObjectRenderers.Contains<HtmlHighlightedCodeRenderer>()) return;
        var plain = html.ObjectRenderers.Find<CodeBlockRenderer>()
            ?? throw new InvalidOperationException("Code highlighting needs Markdig's CodeBlockRenderer.");
        html.ObjectRenderers.Replace<CodeBlockRenderer>(new HtmlHighlightedCodeRenderer(plain));
    }
}
