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
    // Blocks far larger than deflate's 32 KB window: compressing them apart costs well under 0.1% of the size.
    private const int BlockBytes = 1 << 20;

    /// <summary>
    /// The gzip size of the index at the default (optimal) level, for the build summary and the size budget. The
    /// index is cut into 1 MB blocks compressed in parallel, so the figure can be a few bytes per block above one
    /// stream's. Computed on each call, so call it once.
    /// </summary>
    public long MeasureIndexGzipSize()
    {
        var blocks = (IndexJson.Length + BlockBytes - 1) / BlockBytes;
        var sizes = new long[Math.Max(blocks, 1)];
        Parallel.For(0, sizes.Length, b =>
        {
            var start = b * BlockBytes;
            var counter = new CountingStream();
            using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
                gzip.Write(IndexJson.AsSpan(start, Math.Min(BlockBytes, IndexJson.Length - start)));
            sizes[b] = counter.Length;
        });
        return sizes.Sum();
    }

    /// <summary>True when the gzipped index passes <see cref="SearchEmitter.GzipBudgetBytes"/>; the build should warn and suggest <c>search.bodyWords</c>.</summary>
    public bool ExceedsGzipBudget(long gzipSize) => gzipSize > SearchEmitter.GzipBudgetBytes;
}
