using Markdig.Syntax.Inlines;

namespace SiteGen.Markdown.WikiLinks;

/// <summary>
/// <c>[[Target#Fragment|Label]]</c>. The parser fills the typed parts; the Linking stage sets
/// <see cref="Href"/> when the target is a public note, and leaves it null otherwise.
/// </summary>
public sealed class WikiLinkInline : LeafInline
{
    /// <summary>The path part as typed, possibly empty (<c>[[#Heading]]</c>).</summary>
    public required string Target { get; init; }

    /// <summary>What follows the first <c>#</c>, without it: <c>Heading</c>, <c>H1#H2</c> or <c>^block</c>.</summary>
    public string? Fragment { get; init; }

    /// <summary>What follows the label separator, or null.</summary>
    public string? Label { get; init; }

    /// <summary>The resolved address, fragment included. Null renders the link as unresolved.</summary>
    public string? Href { get; set; }

    /// <summary>The text a reader sees: the label, else the target as typed.</summary>
    public string DisplayText => Label ?? DefaultText(Target, Fragment);

    internal static string DefaultText(string target, string? fragment)
    {
        if (fragment is null) return target;
        var shown = fragment.Replace("#", " > ", StringComparison.Ordinal).TrimStart('^');
        return target.Length == 0 ? shown : $"{target} > {shown}";
    }
}
