using Markdig.Syntax.Inlines;

namespace SiteGen.Markdown.Tags;

/// <summary>An inline <c>#tag</c> or <c>#nested/tag</c>. The Linking stage sets <see cref="Href"/> to the tag page.</summary>
public sealed class TagInline : LeafInline
{
    /// <summary>The tag as typed, without the leading <c>#</c>.</summary>
    public required string Tag { get; init; }

    public string? Href { get; set; }
}
