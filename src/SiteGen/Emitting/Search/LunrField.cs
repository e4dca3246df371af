namespace SiteGen.Emitting.Search;

/// <summary>A configured lunr field. <paramref name="Stemmed"/> false skips the stemmer at index time (a prefix-only field).</summary>
internal sealed record LunrField(string Name, double Boost = 1, bool Stemmed = true);
