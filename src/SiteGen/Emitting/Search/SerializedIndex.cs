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
    /// The gzip size at the default (optimal) level. Runs of pieces of about 1 MB are compressed apart, in parallel:
    /// blocks far larger than deflate's 32 KB window lose well under 1% that way.
    /// </summary>
    public long MeasureGzipSize()
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
        var sizes = new long[blocks.Count];
        Parallel.For(0, blocks.Count, b =>
        {
            var counter = new CountingStream();
            using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
            {
                foreach (var part in blocks[b]) gzip.Write(part.Span);
            }
            sizes[b] = counter.Length;
        });
        return sizes.Sum();
    }

    private const int BlockBytes = 1 << 20;
}
