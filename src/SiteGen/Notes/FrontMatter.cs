namespace SiteGen.Notes;

/// <summary>The front matter of a note, typed. Keys SiteGen does not know are kept in <see cref="Params"/>.</summary>
public sealed record FrontMatter
{
    public static readonly FrontMatter Empty = new();

    public string? Title { get; init; }

    /// <summary>True only for YAML <c>true</c> or the string "true" in any case; false for any other value; null when the key is absent.</summary>
    public bool? Publish { get; init; }
    public bool Draft { get; init; }
    public bool Private { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Permalink { get; init; }
    public int PermalinkLine { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<string> CssClasses { get; init; } = [];

    /// <summary><c>feed: false</c> keeps the note out of feeds.</summary>
    public bool Feed { get; init; } = true;
    public IReadOnlyDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();
}
