using System.IO.Compression;

namespace SiteGen.Emitting.Search;

/// <summary>
/// A serialized lunr index, kept as the pieces it was written in (in order) rather than copied into one array: at
/// 10k notes that array was 47 MB, a copy that could cost a full collection. <see cref="WriteTo"/> streams the pieces.
/// </summary>
public sealed class SerializedIndex
{
    private readonly ReadOnlyMemory<byte>[] _parts;

    internal SerializedIndex(ReadOnlyMemory<byte>[] parts)
    {
        _parts = parts;
        Length = parts.Sum(p => (long)p.Length);
    }

    /// <summary>The size in bytes.</summary>
    public long Length { get; }

    public void WriteTo(Stream stream)
    {
        foreach (var part in _parts) stream.Write(part.Span);
    }

    /// <summary>The whole index in one array, for tests and small indexes.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        var offset = 0;
        foreach (var part in _parts)
        {
            part.Span.CopyTo(bytes.AsSpan(offset));
            offset += part.Length;
        }
        return bytes;
    }

    /// <summary>
    /// The gzip size at the default (optimal) level, for the build summary and the size budget. Runs of pieces of
    /// about 1 MB are compressed apart, in parallel: blocks far larger than deflate's 32 KB window lose well under 1%
    /// that way. A large index (more than <paramref name="sampledBlocks"/> blocks) is estimated from that many blocks
    /// spread evenly over it, within a few percent, unless the estimate lands near <paramref name="budget"/>: then
    /// every block is compressed, so the budget's verdict is always measured.
    /// </summary>
    public long MeasureGzipSize(long budget, int sampledBlocks = 8)
    {
        var blocks = new List<List<ReadOnlyMemory<byte>>> { new() };
        var blockLength = 0L;
        foreach (var part in _parts)
        {
            if (blockLength >= BlockBytes)
            {
                blocks.Add([]);
                blockLength = 0;
            }
            blocks[^1].Add(part);
            blockLength += part.Length;
        }
        var sizes = new long?[blocks.Count];
        void Compress(IEnumerable<int> which) => Parallel.ForEach(which, b =>
        {
            var counter = new CountingStream();
            using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
            {
                foreach (var part in blocks[b]) gzip.Write(part.Span);
            }
            sizes[b] = counter.Length;
        });
        if (blocks.Count > sampledBlocks)
        {
            var sample = Enumerable.Range(0, sampledBlocks).Select(i => (int)((2L * i + 1) * blocks.Count / (2 * sampledBlocks))).ToList();
            Compress(sample);
            var sampledRaw = sample.Sum(b => blocks[b].Sum(p => (long)p.Length));
            var estimate = (long)((double)sample.Sum(b => sizes[b]!.Value) / sampledRaw * Length);
            if (Math.Abs(estimate - budget) > budget / 4) return estimate;
        }
        Compress(Enumerable.Range(0, blocks.Count).Where(b => sizes[b] is null));
        return sizes.Sum(s => s!.Value);
    }

    private const int BlockBytes = 1 << 20;
}
