namespace SiteGen.Emitting.Search;

/// <summary>
/// One published note as the search index sees it: plain text, not HTML or markdown.
/// </summary>
/// <param name="Url">Site-absolute URL of the page (written to documents.json as is).</param>
/// <param name="Title">The note title.</param>
/// <param name="Aliases">Front-matter aliases.</param>
/// <param name="Tags">Tags without <c>#</c>; nested tags keep their <c>/</c> here and are split at it for indexing.</param>
/// <param name="Headings">Heading texts, in document order.</param>
/// <param name="Body">The note's plain text.</param>
/// <param name="Excerpt">A short summary (≤160 characters) shown in the results.</param>
public sealed record SearchDocument(
    string Url,
    string Title,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Headings,
    string Body,
    string Excerpt);
