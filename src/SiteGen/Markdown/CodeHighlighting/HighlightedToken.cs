namespace SiteGen.Markdown.CodeHighlighting;

/// <summary>A run of a line's text and its <c>hl-*</c> class, or null for text that is not coloured.</summary>
internal readonly record struct HighlightedToken(int Start, int Length, string? CssClass);
