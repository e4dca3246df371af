namespace SiteGen.Emitting.Search;

/// <summary>
/// One field's value in a document: missing/null (no tokens), a string (tokenized), or an array (one unsplit token
/// per element, null elements becoming <c>""</c>).
/// </summary>
internal readonly record struct LunrFieldValue(string? Text, IReadOnlyList<string?>? Items)
{
    /// <summary>A missing or null value.</summary>
    public static LunrFieldValue None => default;

    public static implicit operator LunrFieldValue(string? text) => new(text, null);

    /// <summary>An array value, as lunr's tokenizer treats a JS array.</summary>
    public static LunrFieldValue Array(IReadOnlyList<string?> items) => new(null, items);
}
