using System.Globalization;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Markdown.Callouts;

/// <summary>
/// An Obsidian callout, <c>&gt; [!type]± Title</c>. Its children are the content, preceded by a
/// <see cref="CalloutTitleBlock"/> when the author wrote a title.
/// </summary>
public sealed class CalloutBlock : ContainerBlock
{
    public CalloutBlock(BlockParser? parser) : base(parser)
    {
    }

    /// <summary>The callout type, lowercased and limited to <c>[a-z0-9-]</c>.</summary>
    public required string Type { get; init; }

    public CalloutFold Fold { get; init; }

    /// <summary>The title line as written, or null when the author gave none.</summary>
    public CalloutTitleBlock? TitleBlock => Count > 0 ? this[0] as CalloutTitleBlock : null;

    /// <summary>The parsed title, or null when the author gave none (see <see cref="DefaultTitle"/>).</summary>
    public ContainerInline? Title => TitleBlock?.Inline;

    /// <summary>The title shown when none was written: the type, capitalised.</summary>
    public string DefaultTitle => Type.Length == 0 ? Type : char.ToUpper(Type[0], CultureInfo.InvariantCulture) + Type[1..];
}
