using System.Buffers;
using System.Globalization;
using System.Text;

namespace SiteGen.Emitting.Search;

/// <summary>
/// A minimal streaming UTF-8 JSON writer whose bytes equal V8's <c>JSON.stringify</c>: no whitespace, only <c>"</c>, <c>\</c>,
/// U+0000–U+001F and lone surrogates escaped, everything else raw UTF-8. System.Text.Json's encoders cannot produce
/// this (they escape <c>&lt;&gt;&amp;'</c> and non-ASCII, and refuse lone surrogates). The caller writes the punctuation.
/// </summary>
internal sealed class JsonStringifyWriter
{
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(BuildEscapeSet());
    private static readonly byte[] Hex = "0123456789abcdef"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _buffer;

    public JsonStringifyWriter(int initialCapacity = 4096) => _buffer = new ArrayBufferWriter<byte>(Math.Max(16, initialCapacity));

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    public void Raw(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(_buffer.GetSpan(utf8.Length));
        _buffer.Advance(utf8.Length);
    }

    public void Raw(byte b)
    {
        _buffer.GetSpan(1)[0] = b;
        _buffer.Advance(1);
    }

    /// <summary>Writes a quoted, escaped JSON string.</summary>
    public void String(ReadOnlySpan<char> s)
    {
        Raw((byte)'"');
        while (!s.IsEmpty)
        {
            int i = s.IndexOfAny(NeedsEscape);
            ReadOnlySpan<char> clean = i < 0 ? s : s[..i];
            if (!clean.IsEmpty)
            {
                Span<byte> dest = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(clean.Length));
                _buffer.Advance(Encoding.UTF8.GetBytes(clean, dest));
            }

            if (i < 0)
            {
                break;
            }

            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                Span<byte> dest = _buffer.GetSpan(4);
                _buffer.Advance(Encoding.UTF8.GetBytes(s.Slice(i, 2), dest));
                s = s[(i + 2)..];
                continue;
            }

            WriteEscape(c);
            s = s[(i + 1)..];
        }

        Raw((byte)'"');
    }

    public void Integer(long value)
    {
        Span<byte> dest = _buffer.GetSpan(20);
        value.TryFormat(dest, out int written, default, CultureInfo.InvariantCulture);
        _buffer.Advance(written);
    }

    /// <summary>
    /// Writes a non-negative double in JS's shortest form. .NET's round-trip format agrees with JS for 0 and for
    /// 1e-3 ≤ x &lt; 1e15, which covers every score rounded to three decimals.
    /// </summary>
    public void Number(double value)
    {
        if (!(value == 0 || (value >= 1e-3 && value < 1e15)))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only 0 and 0.001 <= x < 1e15 are formatted like JS.");
        }

        Span<byte> dest = _buffer.GetSpan(32);
        int written = TryThousandths(value, dest);
        if (written == 0)
        {
            value.TryFormat(dest, out written, "R", CultureInfo.InvariantCulture);
        }

        _buffer.Advance(written);
    }

    /// <summary>
    /// The index's scores are rounded to thousandths: a double that is exactly the nearest one to k/1000 has that
    /// decimal as its shortest round-trip form (below 1e9 any other decimal of as few digits is farther off than an
    /// ulp), so it is written from the integer k, without the shortest-digits search. 0 when <paramref name="value"/> is not such a double.
    /// </summary>
    private static int TryThousandths(double value, Span<byte> dest)
    {
        double scaled = Math.Round(value * 1000);
        if (!(scaled < 1e12) || scaled / 1000 != value)
        {
            return 0;
        }

        long k = (long)scaled;
        long whole = k / 1000;
        int fraction = (int)(k % 1000);
        whole.TryFormat(dest, out int written, default, CultureInfo.InvariantCulture);
        if (fraction == 0)
        {
            return written;
        }

        // Up to three digits, without trailing zeros.
        dest[written++] = (byte)'.';
        dest[written++] = (byte)('0' + (fraction / 100));
        if (fraction % 100 != 0)
        {
            dest[written++] = (byte)('0' + (fraction / 10 % 10));
            if (fraction % 10 != 0)
            {
                dest[written++] = (byte)('0' + (fraction % 10));
            }
        }

        return written;
    }

    private void WriteEscape(char c)
    {
        string? shortForm = c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\t' => "\\t",
            '\n' => "\\n",
            '\f' => "\\f",
            '\r' => "\\r",
            _ => null,
        };
        if (shortForm is not null)
        {
            Span<byte> s = _buffer.GetSpan(2);
            s[0] = (byte)shortForm[0];
            s[1] = (byte)shortForm[1];
            _buffer.Advance(2);
            return;
        }

        // Control characters and lone surrogates: \uxxxx with lowercase hex, as JSON.stringify writes them.
        Span<byte> u = _buffer.GetSpan(6);
        u[0] = (byte)'\\';
        u[1] = (byte)'u';
        u[2] = Hex[(c >> 12) & 0xF];
        u[3] = Hex[(c >> 8) & 0xF];
        u[4] = Hex[(c >> 4) & 0xF];
        u[5] = Hex[c & 0xF];
        _buffer.Advance(6);
    }

    private static string BuildEscapeSet()
    {
        var sb = new StringBuilder();
        for (char c = '\0'; c < ' '; c++)
        {
            sb.Append(c);
        }

        sb.Append('"').Append('\\');
        for (int c = 0xD800; c <= 0xDFFF; c++)
        {
            sb.Append((char)c);
        }

        return sb.ToString();
    }
}
