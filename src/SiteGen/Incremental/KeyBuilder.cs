using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SiteGen.Incremental;

/// <summary>
/// Hashes the inputs that decide an output into a 128-bit key (XxHash128). Every value is length-prefixed or fixed
/// width, so different sequences of values never run together into the same bytes.
/// </summary>
public sealed class KeyBuilder
{
    private readonly XxHash128 _hash = new();

    public KeyBuilder Add(string? text)
    {
        Add(text?.Length ?? -1);
        if (text is not null) _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    public KeyBuilder Add(IEnumerable<string> texts)
    {
        var count = 0;
        foreach (var text in texts)
        {
            Add(text);
            count++;
        }
        return Add(count);
    }

    public KeyBuilder Add(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        _hash.Append(bytes);
        return this;
    }

    public KeyBuilder Add(bool value) => Add(value ? 1L : 0L);

    public KeyBuilder Add(UInt128 key)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, key);
        _hash.Append(bytes);
        return this;
    }

    public KeyBuilder AddBytes(ReadOnlySpan<byte> bytes)
    {
        Add(bytes.Length);
        _hash.Append(bytes);
        return this;
    }

    public UInt128 Build() => _hash.GetCurrentHashAsUInt128();

    /// <summary>The key of a byte string: what an output file holds.</summary>
    public static UInt128 Of(ReadOnlySpan<byte> bytes) => XxHash128.HashToUInt128(bytes);

    public static UInt128 Of(string text) => new KeyBuilder().Add(text).Build();
}
