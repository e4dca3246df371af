using System.Buffers.Binary;

namespace SiteGen.Markdown.Images;

/// <summary>
/// The pixel size of a PNG, GIF, WebP or JPEG, read from the first bytes of the file, so that the browser can keep
/// the image's place before it loads. Anything else, or a file that does not parse, gives null.
/// </summary>
public readonly record struct ImageSize(int Width, int Height)
{
    // A JPEG's frame header follows its metadata (EXIF, ICC profiles), which can be long; past this we give up.
    private const int MaxJpegScan = 256 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

    /// <summary>Reads the size from the file's header, or null.</summary>
    public static ImageSize? Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
            Span<byte> head = stackalloc byte[32];
            var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..length];
            return Png(head) ?? Gif(head) ?? WebP(head) ?? (IsJpeg(head) ? Jpeg(stream) : null);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The height that keeps this image's proportions at <paramref name="width"/>.</summary>
    public int HeightAt(int width) => (int)Math.Round((double)width * Height / Width, MidpointRounding.AwayFromZero);

    private static ImageSize? Valid(long width, long height) =>
        width is > 0 and <= 65535 && height is > 0 and <= 65535 ? new ImageSize((int)width, (int)height) : null;

    private static ImageSize? Png(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && b[..8].SequenceEqual(PngSignature) && b[12..16].SequenceEqual("IHDR"u8)
            ? Valid(BinaryPrimitives.ReadUInt32BigEndian(b[16..]), BinaryPrimitives.ReadUInt32BigEndian(b[20..]))
            : null;

    private static ImageSize? Gif(ReadOnlySpan<byte> b) =>
        b.Length >= 10 && (b[..6].SequenceEqual("GIF87a"u8) || b[..6].SequenceEqual("GIF89a"u8))
            ? Valid(BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]))
            : null;

    private static ImageSize? WebP(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30 || !b[..4].SequenceEqual("RIFF"u8) || !b[8..12].SequenceEqual("WEBP"u8)) return null;
        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
            return Valid(1 + (b[24] | b[25] << 8 | b[26] << 16), 1 + (b[27] | b[28] << 8 | b[29] << 16));
        if (chunk.SequenceEqual("VP8L"u8) && b[20] == 0x2f)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return Valid(1 + (bits & 0x3fff), 1 + (bits >> 14 & 0x3fff));
        }
        if (chunk.SequenceEqual("VP8 "u8) && b[23] == 0x9d && b[24] == 0x01 && b[25] == 0x2a)
            return Valid(BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3fff, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3fff);
        return null;
    }

    private static bool IsJpeg(ReadOnlySpan<byte> b) => b.Length >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff;

    // Walks the JPEG's segments from after the SOI marker to the first start-of-frame (SOF0-SOF15 but DHT, JPG, DAC).
    private static ImageSize? Jpeg(Stream stream)
    {
        stream.Position = 2;
        Span<byte> segment = stackalloc byte[9];
        while (stream.Position < MaxJpegScan)
        {
            if (stream.ReadAtLeast(segment[..4], 4, throwOnEndOfStream: false) < 4 || segment[0] != 0xff) return null;
            var marker = segment[1];
            if (marker == 0xff)
            {
                stream.Position -= 3;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
            if (length < 2) return null;
            if (marker is >= 0xc0 and <= 0xcf and not 0xc4 and not 0xc8 and not 0xcc)
            {
                if (stream.ReadAtLeast(segment[..5], 5, throwOnEndOfStream: false) < 5) return null;
                return Valid(BinaryPrimitives.ReadUInt16BigEndian(segment[3..]), BinaryPrimitives.ReadUInt16BigEndian(segment[1..]));
            }
            stream.Position += length - 2;
        }
        return null;
    }
}
