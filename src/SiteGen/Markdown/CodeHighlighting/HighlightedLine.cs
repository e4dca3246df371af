namespace SiteGen.Markdown.CodeHighlighting;

/// <summary>One line of code cut into tokens that cover it from start to end.</summary>
internal sealed record HighlightedLine(string Text, IReadOnlyList<HighlightedToken> Tokens);
