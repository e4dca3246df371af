using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiteGen.Emitting.Search;

/// <summary>
/// Per-thread scratch space that turns one field value into <see cref="LunrFieldTerms"/>. Terms come interned from
/// <see cref="LunrTermPipeline"/>, so counting compares references, not characters.
/// </summary>
internal sealed class LunrFieldCounter
{
    [ThreadStatic]
    private static LunrFieldCounter? _current;

    private readonly Dictionary<string, int> _slots = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _terms = [];
    private readonly List<int> _frequencies = [];
    private int _length;

    public static LunrFieldCounter Current => _current ??= new LunrFieldCounter();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LunrFieldTerms Count(LunrFieldValue value, LunrTermPipeline pipeline)
    {
        if (value.Items is not null)
        {
            foreach (string? item in value.Items)
            {
                Add(pipeline.Run(LunrTokenizer.Lowercase(item ?? string.Empty)));
            }
        }
        else if (value.Text is not null)
        {
            string text = value.Text;
            if (text.Contains('\u0130'))
            {
                text = LunrTokenizer.Lowercase(text);
            }

            char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
            try
            {
                // Token by token: lowercasing is per character and keeps separators, so this equals lowercasing the
                // text first, and an ASCII token keeps the fast path even in a text with other scripts (the whole
                // text's remainder went through ICU from its first non-ASCII character on).
                int from = 0;
                while (LunrTokenizer.NextToken(text, ref from, out int start, out int tokenLength))
                {
                    Span<char> lower = buffer.AsSpan(0, tokenLength);
                    text.AsSpan(start, tokenLength).ToLowerInvariant(lower);
                    Add(pipeline.Run(lower));
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        LunrFieldTerms result = _length == 0 ? LunrFieldTerms.Empty : new LunrFieldTerms([.. _terms], [.. _frequencies], _length);
        _slots.Clear();
        _terms.Clear();
        _frequencies.Clear();
        _length = 0;
        return result;
    }

    private void Add(string? term)
    {
        if (term is null)
        {
            return;
        }

        _length++;
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, term, out bool exists);
        if (!exists)
        {
            slot = _terms.Count;
            _terms.Add(term);
            _frequencies.Add(0);
        }

        CollectionsMarshal.AsSpan(_frequencies)[slot]++;
    }
}
