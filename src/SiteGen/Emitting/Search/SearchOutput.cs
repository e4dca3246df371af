using System.IO.Compression;

namespace SiteGen.Emitting.Search;

/// <summary>The two search files and their statistics.</summary>
/// <param name="IndexJson">UTF-8 bytes of <c>search/index.json</c>, a serialized lunr 2.3.9 index.</param>
/// <param name="DocumentsJson">UTF-8 bytes of <c>search/documents.json</c>, <c>[{url,title,tags,excerpt}]</c> indexed by ref.</param>
/// <param name="DocumentCount">The number of indexed documents.</param>
/// <param name="TermCount">Distinct terms in the inverted index.</param>
/// <param name="PostingCount">(term, field, document) postings.</param>
public sealed record SearchOutput(byte[] IndexJson, byte[] DocumentsJson, int DocumentCount, int TermCount, long PostingCount)
{
    /// <summary>
    /// The gzip size of the index at the default (optimal) level, for the build summary and the size budget.
    /// Computed on each call (about 0.1 s per 10 MB of JSON), so call it once.
    /// </summary>
    public long MeasureIndexGzipSize()
    {
        var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(IndexJson);
        }

        return counter.Length;
    }

    /// <summary>True when the gzipped index passes <see cref="SearchEmitter.GzipBudgetBytes"/>; the build should warn and suggest <c>search.bodyWords</c>.</summary>
    public bool ExceedsGzipBudget(long gzipSize) => gzipSize > SearchEmitter.GzipBudgetBytes;
}
