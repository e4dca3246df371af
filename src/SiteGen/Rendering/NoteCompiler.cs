using Markdig.Syntax;
using SiteGen.Diagnostics;
using SiteGen.Linking;
using SiteGen.Markdown;
using SiteGen.Notes;

namespace SiteGen.Rendering;

/// <summary>Links one note's tree against the garden and renders it to HTML, then lets the tree go.</summary>
public static class NoteCompiler
{
    private static readonly object FlatText = new();

    /// <param name="document">The note's parsed tree, if the caller has it; otherwise the note is parsed here.</param>
    /// <param name="assumed">Collects the fragments taken on trust (see <see cref="NoteLinker"/>).</param>
    public static CompiledNote Compile(GardenLinks links, Note note, MarkdownDocument? document, bool trustHtml, ICollection<(string Target, string Id)>? assumed = null)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = new List<string>();
        document ??= SiteGenMarkdown.Parse(note.Body);
        var linked = links.CreateLinker(diagnostics, assumed).Link(note, document, loaded);
        var html = ContentRenderer.Render(note, document, trustHtml, diagnostics);
        // A paragraph with twenty links is flattened to text once, not twenty times. The text is kept on the block,
        // which each compile parses afresh: a dictionary keyed by the blocks paid for their identity hash codes.
        static string TextOf(Block block)
        {
            if (block.GetData(FlatText) is string text) return text;
            text = PlainText.Fold(PlainText.OfBlock(block));
            block.SetData(FlatText, text);
            return text;
        }
        var outlinks = linked.Outlinks
            .DistinctBy(o => o.Target, StringComparer.Ordinal)
            .Select(o => new Outlink(o.Target, GardenBuilder.Snippet(TextOf(o.Context), o.LinkText)))
            .ToList();
        return new CompiledNote(
            html,
            outlinks,
            linked.Attachments.Select(a => a.Path).Distinct(StringComparer.Ordinal).ToList(),
            linked.InlineTags,
            linked.Headings,
            linked.Text,
            PlainText.FirstParagraph(document),
            linked.HasMath,
            linked.HasMermaid,
            diagnostics.ToSortedList(),
            loaded.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }
}
