using System.Text;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace SiteGen.Markdown.Tags;

/// <summary>
/// Parses <c>#tag</c> and <c>#nested/tag</c>: Unicode letters, digits, <c>_</c>, <c>-</c> and <c>/</c>, at the
/// start of the inline text or after whitespace, and not made of digits alone (<c>#123</c> stays text).
/// </summary>
internal sealed class TagInlineParser : InlineParser
{
    public TagInlineParser()
    {
        OpeningCharacters = ['#'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (!IsAtWordStart(processor, slice)) return false;

        var text = slice.Text;
        var start = slice.Start;
        var position = start + 1;
        var end = slice.End;
        var hasNonDigit = false;
        while (position <= end)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(position, end - position + 1), out var rune, out var length) != System.Buffers.OperationStatus.Done) break;
            if (!IsTagRune(rune)) break;
            if (!Rune.IsDigit(rune) && rune.Value != '/') hasNonDigit = true;
            position += length;
        }

        // A trailing slash ends the sentence ("see #a/"), it does not open a nested tag.
        while (position > start + 1 && text[position - 1] == '/') position--;
        if (position == start + 1 || !hasNonDigit) return false;
        var tag = text.Substring(start + 1, position - start - 1);

        var sourceStart = processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new TagInline
        {
            Tag = tag,
            Span = new SourceSpan(sourceStart, sourceStart + (position - start) - 1),
            Line = line,
            Column = column,
        };
        slice.Start = position;
        return true;
    }

    private static bool IsAtWordStart(InlineProcessor processor, StringSlice slice)
    {
        var previous = slice.PeekCharExtra(-1);
        if (previous == '\0' || char.IsWhiteSpace(previous)) return true;

        // A one-line block's text can be a window on the whole source, where the character before
        // the block's first character is its container's marker (">#tag").
        if (processor.Block is { Lines.Count: > 0 } block)
        {
            var first = block.Lines.Lines[0].Slice;
            return ReferenceEquals(first.Text, slice.Text) && first.Start == slice.Start;
        }
        return false;
    }

    private static bool IsTagRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || rune.Value is '_' or '-' or '/' || Rune.GetUnicodeCategory(rune) is
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
