namespace SiteGen.Emitting.Search;

/// <summary>One lunr <c>add</c> call: the ref, one value per configured field (in field order) and the document boost.</summary>
internal sealed record LunrDocument(string Ref, IReadOnlyList<LunrFieldValue> Values, double Boost = 1);
