namespace SiteGen.Emitting.Search;

/// <summary>A serialized lunr index (UTF-8 JSON, byte-identical to <c>JSON.stringify(idx)</c>) and its counts.</summary>
internal sealed record LunrBuildResult(SerializedIndex Json, int TermCount, long PostingCount);
