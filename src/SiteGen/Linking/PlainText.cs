using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Markdown.Embeds;
using SiteGen.Markdown.Tags;
using SiteGen.Markdown.WikiLinks;

namespace SiteGen.Linking;

/// <summary>The reader-visible text of inlines and blocks, for snippets, headings, search and word counts. Embeds contribute nothing.</summary>
public static class PlainText
{
    public static string Of(ContainerInline? inline)
    {
        var builder = Rent();
        Append(builder, inline);
        return Return(builder, trim: false);
    }

    public static string OfBlock(Block block)
    {
        var builder = Rent();
        AppendBlock(builder, block);
        return Return(builder, trim: true);
    }

    // One builder per thread: a note's text is built block by block, and a fresh builder regrew for each.
    [ThreadStatic] private static StringBuilder? _builder;

    private static StringBuilder Rent()
    {
        var builder = _builder ?? new StringBuilder(1024);
        _builder = null;
        return builder.Clear();
    }

    private static string Return(StringBuilder builder, bool trim)
    {
        var start = 0;
        var end = builder.Length;
        if (trim)
        {
            while (start < end && char.IsWhiteSpace(builder[start])) start++;
            while (end > start && char.IsWhiteSpace(builder[end - 1])) end--;
        }
        var text = builder.ToString(start, end - start);
        Release(builder);
        return text;
    }

    private static void Release(StringBuilder builder)
    {
        if (builder.Capacity <= 256 * 1024) _builder = builder;
    }

    private static void AppendBlock(StringBuilder builder, Block block)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                Append(builder, inline);
                builder.Append(' ');
                break;
            case LeafBlock leaf when leaf is CodeBlock:
                foreach (var line in leaf.Lines.Lines.Take(leaf.Lines.Count)) builder.Append(line.Slice.ToString()).Append(' ');
                break;
            case ContainerBlock container:
                foreach (var child in container) AppendBlock(builder, child);
                break;
        }
    }

    private static void Append(StringBuilder builder, Inline? inline)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case WikiLinkInline link:
                builder.Append(link.DisplayText);
                break;
            case TagInline tag:
                builder.Append('#').Append(tag.Tag);
                break;
            case EmbedInline:
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container) Append(builder, child);
                break;
        }
    }

    /// <summary>The first paragraph's text with white space folded; null when there is none.</summary>
    public static string? FirstParagraph(MarkdownDocument document)
    {
        var paragraph = document.Descendants<ParagraphBlock>().FirstOrDefault();
        return paragraph is null ? null : Fold(OfBlock(paragraph));
    }

    /// <summary>Runs of white space become one space.</summary>
    public static string Fold(string text)
    {
        var span = text.AsSpan().Trim();
        var folded = Rent();
        var pendingSpace = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) folded.Append(' ');
            pendingSpace = false;
            folded.Append(c);
        }
        if (folded.Length != text.Length) return Return(folded, trim: false);
        Release(folded);
        return text;
    }

    /// <summary>The text cut to at most <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    public static string? Cut(string? text, int max) =>
        text is null || text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) count++;
            inWord = letter;
        }
        return count;
    }
}
