using System.Text;
using Scriban.Runtime;

namespace SiteGen.Rendering;

/// <summary>
/// A template output that encodes to UTF-8 as text arrives, into a buffer kept for the thread's next page: a page
/// is written to its file from these bytes, never held as a string and then copied into a byte array.
/// </summary>
internal sealed class Utf8Output : IScriptOutput
{
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;

    /// <summary>The bytes written since <see cref="Clear"/>; valid until the next write.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    public void Clear()
    {
        _length = 0;
        _encoder.Reset();
    }

    public void Write(string text, int offset, int count) => Write(text.AsSpan(offset, count));

    public void Write(ReadOnlySpan<char> chars)
    {
        // Room for the longest encoding (three bytes a char), so the text is encoded in one pass.
        var needed = _length + chars.Length * 3 + 4;
        if (needed > _buffer.Length) Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        _length += _encoder.GetBytes(chars, _buffer.AsSpan(_length), flush: false);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>Scriban asks for the rendered text when a render ends; the text is in <see cref="Bytes"/> instead.</summary>
    public override string ToString() => "";
}
