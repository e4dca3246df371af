using SiteGen.Markdown.Images;
using SiteGen.Tests.Support;
using Xunit;

namespace SiteGen.Tests.Markdown;

/// <summary>Images load lazily and carry their size, from the embed's label or from the file's header.</summary>
public sealed class ImageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sitegen-images-").FullName;

    private string File(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    // The first bytes of each format, as far as a header reader looks.
    internal static byte[] Png(int width, int height) =>
    [
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
        (byte)(width >> 24), (byte)(width >> 16), (byte)(width >> 8), (byte)width,
        (byte)(height >> 24), (byte)(height >> 16), (byte)(height >> 8), (byte)height, 8, 2, 0, 0, 0,
    ];

    private static byte[] Gif(int width, int height) =>
        [.. "GIF89a"u8, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0, 0, 0];

    // SOI, an APP0 segment to skip, then SOF0 with height before width.
    private static byte[] Jpeg(int width, int height) =>
    [
        0xff, 0xd8, 0xff, 0xe0, 0, 16, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0,
        0xff, 0xc0, 0, 17, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
    ];

    private static byte[] WebPLossless(int width, int height)
    {
        var bits = (uint)(width - 1) | (uint)(height - 1) << 14;
        return [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. "VP8L"u8, 0, 0, 0, 0, 0x2f, (byte)bits, (byte)(bits >> 8), (byte)(bits >> 16), (byte)(bits >> 24), 0, 0, 0, 0, 0, 0, 0, 0, 0];
    }

    private static byte[] WebPExtended(int width, int height) =>
    [
        .. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. "VP8X"u8, 10, 0, 0, 0, 0, 0, 0, 0,
        (byte)(width - 1), (byte)(width - 1 >> 8), (byte)(width - 1 >> 16), (byte)(height - 1), (byte)(height - 1 >> 8), (byte)(height - 1 >> 16),
    ];

    [Fact]
    public void Sizes_are_read_from_png_gif_jpeg_and_webp_headers()
    {
        Assert.Equal(new ImageSize(640, 480), ImageSize.Read(File("a.png", Png(640, 480))));
        Assert.Equal(new ImageSize(32, 17), ImageSize.Read(File("a.gif", Gif(32, 17))));
        Assert.Equal(new ImageSize(1200, 800), ImageSize.Read(File("a.jpg", Jpeg(1200, 800))));
        Assert.Equal(new ImageSize(300, 150), ImageSize.Read(File("a.webp", WebPLossless(300, 150))));
        Assert.Equal(new ImageSize(2000, 1000), ImageSize.Read(File("b.webp", WebPExtended(2000, 1000))));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x89, 0x50, 0x4e, 0x47 })]
    [InlineData(new byte[] { 0xff, 0xd8, 0xff, 0xe0, 0, 0 })]
    [InlineData(new byte[] { 0x3c, 0x73, 0x76, 0x67, 0x3e })]
    public void Unreadable_or_other_files_have_no_size(byte[] bytes) => Assert.Null(ImageSize.Read(File("x.bin", bytes)));

    [Fact]
    public void A_missing_file_has_no_size() => Assert.Null(ImageSize.Read(Path.Combine(_folder, "nope.png")));

    [Fact]
    public void Images_in_notes_load_lazily_with_their_size()
    {
        using var garden = TestGarden.Create("""
-- content/Photos.md --
---
publish: true
---
![[wide.png]]

![[wide.png|300]]

![[wide.png|100x20]]

![a photo](wide.png)

![remote](https://example.org/x.png)
""");
        System.IO.File.WriteAllBytes(Path.Combine(garden.Root, "content", "wide.png"), Png(800, 400));
        garden.BuildOk();

        var images = garden.Html("photos/index.html").QuerySelectorAll("main .note-content img").ToList();

        Assert.Equal(5, images.Count);
        Assert.All(images, i => Assert.Equal(("lazy", "async"), (i.GetAttribute("loading"), i.GetAttribute("decoding"))));
        Assert.Equal(
            new (string?, string?)[] { ("800", "400"), ("300", "150"), ("100", "20"), ("800", "400"), (null, null) },
            images.Select(i => (i.GetAttribute("width"), i.GetAttribute("height"))).ToArray());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
