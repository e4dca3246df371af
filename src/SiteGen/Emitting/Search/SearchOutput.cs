namespace SiteGen.Emitting.Search;

/// <summary>The two search files and their statistics.</summary>
/// <param name="IndexJson">The UTF-8 bytes of <c>search/index.json</c>, a serialized lunr 2.3.9 index.</param>
/// <param name="DocumentsJson">UTF-8 bytes of <c>search/documents.json</c>, <c>[{url,title,tags,excerpt}]</c> indexed by ref.</param>
/// <param name="DocumentCount">The number of indexed documents.</param>
/// <param name="TermCount">Distinct terms in the inverted index.</param>
/// <param name="PostingCount">(term, field, document) postings.</param>
public sealed record SearchOutput(SerializedIndex IndexJson, byte[] DocumentsJson, int DocumentCount, int TermCount, long PostingCount)
{
    /// <summary>True when the gzipped index passes <see cref="SearchEmitter.GzipBudgetBytes"/>; the build should warn and suggest <c>search.bodyWords</c>.</summary>
    public bool ExceedsGzipBudget(long gzipSize) => gzipSize > SearchEmitter.GzipBudgetBytes;
}
