using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace SiteGen.Markdown.Embeds;

/// <summary>Finds the blocks of a note that a transclusion shows.</summary>
internal static class NoteSection
{
    /// <summary>
    /// The whole note when <paramref name="fragment"/> is null; for <c>^id</c> the one block carrying that id;
    /// otherwise the heading with that id and every block up to the next heading of the same or a higher
    /// level. Null when the fragment matches nothing.
    /// </summary>
    public static IReadOnlyList<Block>? Select(MarkdownDocument document, string? fragment)
    {
        if (fragment is null) return [.. document];
        return fragment.StartsWith('^') ? SelectBlock(document, fragment) : SelectHeadingSection(document, fragment);
    }

    private static IReadOnlyList<Block>? SelectBlock(MarkdownDocument document, string id)
    {
        foreach (var block in document.Descendants<Block>())
        {
            if (!string.Equals(block.TryGetAttributes()?.Id, id, StringComparison.Ordinal)) continue;

            // Markdig renders list items through their list, so an item is shown by its content.
            return block is ListItemBlock item ? [.. item] : [block];
        }
        return null;
    }

    private static IReadOnlyList<Block>? SelectHeadingSection(MarkdownDocument document, string id)
    {
        for (var i = 0; i < document.Count; i++)
        {
            if (document[i] is not HeadingBlock heading || !HasId(heading, id)) continue;

            var section = new List<Block> { heading };
            for (var j = i + 1; j < document.Count; j++)
            {
                if (document[j] is HeadingBlock next && next.Level <= heading.Level) break;
                section.Add(document[j]);
            }
            return section;
        }

        // A heading nested in a container (a quote, a list) has no section of its own.
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (HasId(heading, id)) return [heading];
        }
        return null;
    }

    private static bool HasId(Block block, string id) =>
        string.Equals(block.TryGetAttributes()?.Id, id, StringComparison.Ordinal);
}
