using Markdig.Parsers;
using Markdig.Syntax;

namespace SiteGen.Markdown.Callouts;

/// <summary>
/// The title line of a callout, kept as the callout's first child so that Markdig parses its inlines
/// (links, emphasis, tags) like any other text.
/// </summary>
public sealed class CalloutTitleBlock : LeafBlock
{
    public CalloutTitleBlock(BlockParser? parser) : base(parser)
    {
        ProcessInlines = true;
    }
}
