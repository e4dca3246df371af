using SiteGen.Diagnostics;

namespace SiteGen.Linking;

/// <summary>
/// One public note linked and rendered: everything the later stages need, without its syntax tree. It depends only
/// on the note itself, the notes it embeds (<paramref name="Loaded"/>) and the garden's names and addresses, which
/// is what lets the build cache reuse it.
/// </summary>
/// <param name="Html">The note's content, sanitized unless the garden trusts raw HTML.</param>
/// <param name="Outlinks">The notes it links to or embeds, each once, in the order they first appear.</param>
/// <param name="Attachments">Paths of the attachments it links to or embeds.</param>
/// <param name="Text">The reader-visible text, for search and word counts.</param>
/// <param name="FirstParagraph">The first paragraph's folded text, for summaries; null when there is none.</param>
/// <param name="Diagnostics">What linking and rendering reported about this note.</param>
/// <param name="Loaded">Paths of the notes whose trees its transclusions loaded.</param>
public sealed record CompiledNote(
    string Html,
    IReadOnlyList<Outlink> Outlinks,
    IReadOnlyList<string> Attachments,
    IReadOnlyList<string> InlineTags,
    IReadOnlyList<Heading> Headings,
    string Text,
    string? FirstParagraph,
    bool HasMath,
    bool HasMermaid,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> Loaded)
{
    // Counted once, where notes are compiled in parallel.
    public int WordCount { get; } = PlainText.CountWords(Text);
}

/// <summary>A link from one note to another: the target's path, and the escaped text around the first such link, for the target's backlinks.</summary>
public sealed record Outlink(string Target, string SnippetHtml);
