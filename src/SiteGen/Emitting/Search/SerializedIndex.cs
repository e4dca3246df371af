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
    /// The gzip size at the default (optimal) level, for the build summary and the size budget. The index is cut into
    /// 1 MB blocks compressed apart, in parallel: blocks far larger than deflate's 32 KB window lose well under 1% that
    /// way. Past <see cref="MeasuredWhole"/>, each block is estimated from the 256 KB at its middle, about a third of
    /// the work, within about 3% (13.6 MB against 13.5 MB at 10k notes); when the estimate lands near <paramref name="budget"/>, every byte is compressed, so the
    /// budget's verdict is always measured.
    /// </summary>
    public long MeasureGzipSize(long budget)
    {
        var blocks = (int)((Length + BlockBytes - 1) / BlockBytes);
        if (Length > MeasuredWhole)
        {
            var estimate = new double[blocks];
            Parallel.For(0, blocks, b =>
            {
                var start = (long)b * BlockBytes;
                var length = Math.Min(BlockBytes, Length - start);
                if (length <= WindowBytes + SliceBytes)
                {
                    estimate[b] = Compressed(start, length);
                    return;
                }
                // A slice compresses worse at its start, before deflate's window fills: the 32 KB before it are
                // compressed with it, and their own cost taken off again.
                var slice = SliceBytes;
                var from = start + (length - slice) / 2;
                var warm = Compressed(from - WindowBytes, WindowBytes + slice) - Compressed(from - WindowBytes, WindowBytes);
                estimate[b] = (double)warm / slice * length;
            });
            var total = (long)estimate.Sum();
            if (Math.Abs(total - budget) > budget / 4) return total;
        }
        var sizes = new long[Math.Max(blocks, 1)];
        Parallel.For(0, sizes.Length, b => sizes[b] = Compressed((long)b * BlockBytes, BlockBytes));
        return sizes.Sum();
    }

    /// <summary>The gzip size of the bytes from <paramref name="start"/>, up to <paramref name="count"/> of them.</summary>
    private long Compressed(long start, long count)
    {
        var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
        {
            var offset = 0L;
            foreach (var part in _parts)
            {
                var from = Math.Max(start, offset);
                var to = Math.Min(start + count, offset + part.Length);
                if (from < to) gzip.Write(part.Span[(int)(from - offset)..(int)(to - offset)]);
                offset += part.Length;
            }
        }
        return counter.Length;
    }

    private const int BlockBytes = 1 << 20;
    private const int SliceBytes = 256 * 1024;
    private const int WindowBytes = 32 * 1024;

    /// <summary>Indexes up to this size are compressed whole.</summary>
    internal const long MeasuredWhole = 8 * BlockBytes;
}
