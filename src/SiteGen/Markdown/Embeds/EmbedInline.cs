using Markdig.Syntax.Inlines;

namespace SiteGen.Markdown.Embeds;

/// <summary>
/// <c>![[Target#Fragment|Label]]</c>. The Linking stage sets <see cref="Source"/>; null renders the
/// missing-embed placeholder, which shows nothing of the target.
/// </summary>
public sealed class EmbedInline : LeafInline
{
    public required string Target { get; init; }
    public string? Fragment { get; init; }

    /// <summary>The raw text after the separator: a size (<c>300</c>, <c>300x200</c>) or alt text.</summary>
    public string? Label { get; init; }

    /// <summary>Width parsed from the label, when it is a size.</summary>
    public int? Width { get; init; }

    /// <summary>Height parsed from the label, when it is <c>WxH</c>.</summary>
    public int? Height { get; init; }

    public EmbedSource? Source { get; set; }
}
