namespace SiteGen.Markdown.WikiLinks;

/// <summary>The typed parts of <c>Target#Fragment|Label</c>, shared by wikilinks and embeds.</summary>
internal readonly record struct WikiLinkParts(string Target, string? Fragment, string? Label);
