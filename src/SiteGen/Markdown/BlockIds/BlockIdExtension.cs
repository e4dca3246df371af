using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace SiteGen.Markdown.BlockIds;

/// <summary>
/// Obsidian block ids. <c>text ^abc</c> at the end of a paragraph is cut from the text and the paragraph (or
/// the list item it starts) gets <c>id="^abc"</c>. A paragraph that is nothing but <c>^abc</c> gives its id to
/// the block before it (a table, list, quote or callout) and disappears.
/// </summary>
internal sealed class BlockIdExtension : IMarkdownExtension
{
    private static readonly object StandaloneIdKey = new();

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        var paragraphParser = pipeline.BlockParsers.FindExact<ParagraphBlockParser>()
            ?? throw new InvalidOperationException("Block ids need Markdig's ParagraphBlockParser.");
        paragraphParser.Closed -= OnParagraphClosed;
        paragraphParser.Closed += OnParagraphClosed;
        pipeline.DocumentProcessed -= AttachStandaloneIds;
        pipeline.DocumentProcessed += AttachStandaloneIds;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    // Works on the raw lines before inline parsing, where "^abc" is still one piece of text.
    private static void OnParagraphClosed(BlockProcessor processor, Block block)
    {
        if (block is not ParagraphBlock paragraph || paragraph.Lines.Count == 0) return;

        var lastIndex = paragraph.Lines.Count - 1;
        var last = paragraph.Lines.Lines[lastIndex].Slice;
        if (!TryCutTrailingId(ref last, out var id)) return;

        if (last.IsEmpty)
        {
            if (lastIndex == 0)
            {
                // Which block precedes this one is only final once tables have been built from paragraphs,
                // during inline parsing, so the id is attached after the whole document is processed.
                paragraph.SetData(StandaloneIdKey, id);
                return;
            }
            paragraph.Lines.RemoveAt(lastIndex);
        }
        else
        {
            paragraph.Lines.Lines[lastIndex].Slice = last;
        }

        Block target = paragraph.Parent is ListItemBlock item ? item : paragraph;
        target.GetAttributes().Id = id;
    }

    /// <summary>
    /// Cuts <c>^id</c> from the end of <paramref name="line"/> when it stands alone or follows whitespace,
    /// and trims what is left. Returns the id with its caret.
    /// </summary>
    internal static bool TryCutTrailingId(ref StringSlice line, out string id)
    {
        id = "";
        var text = line.Text;
        var end = line.End;
        while (end >= line.Start && text[end] is ' ' or '\t') end--;

        var start = end;
        while (start >= line.Start && (char.IsAsciiLetterOrDigit(text[start]) || text[start] == '-')) start--;
        if (start == end || start < line.Start || text[start] != '^') return false;
        if (start > line.Start && text[start - 1] is not (' ' or '\t')) return false;

        id = text.Substring(start, end - start + 1);
        var rest = new StringSlice(text, line.Start, start - 1, line.NewLine);
        rest.TrimEnd();
        line = rest;
        return true;
    }

    private static void AttachStandaloneIds(MarkdownDocument document)
    {
        List<ParagraphBlock>? standalone = null;
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (paragraph.GetData(StandaloneIdKey) is string) (standalone ??= []).Add(paragraph);
        }
        if (standalone is null) return;

        foreach (var paragraph in standalone)
        {
            var parent = paragraph.Parent!;
            var index = parent.IndexOf(paragraph);

            // With nothing before it, "^abc" is just text.
            if (index == 0) continue;
            parent[index - 1].GetAttributes().Id = (string)paragraph.GetData(StandaloneIdKey)!;
            parent.RemoveAt(index);
        }
    }
}
