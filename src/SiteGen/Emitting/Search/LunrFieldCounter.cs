using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiteGen.Emitting.Search;

/// <summary>
/// One thread's scratch space that turns one field value into <see cref="LunrFieldTerms"/>. Terms come interned from
/// <see cref="LunrTermPipeline"/>, so counting compares references, not characters.
/// </summary>
internal sealed class LunrFieldCounter
{
    private readonly LunrTermPipeline.Memo _stemmed;
    private readonly LunrTermPipeline.Memo _unstemmed;
    private readonly Dictionary<string, int> _slots = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _terms = [];
    private readonly List<int> _frequencies = [];
    private int _length;

    public LunrFieldCounter(LunrTermPipeline stemmed, LunrTermPipeline unstemmed)
    {
        _stemmed = stemmed.CreateMemo();
        _unstemmed = unstemmed.CreateMemo();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LunrFieldTerms Count(LunrFieldValue value, bool stem)
    {
        LunrTermPipeline.Memo memo = stem ? _stemmed : _unstemmed;
        if (value.Items is not null)
        {
            foreach (string? item in value.Items)
            {
                Add(memo.Run(item ?? string.Empty));
            }
        }
        else if (value.Text is not null)
        {
            // Separators have no case, so the tokens of the text as written are those of the lowercased text; the
            // memo lowercases each distinct token once.
            string text = value.Text;
            int from = 0;
            while (LunrTokenizer.NextToken(text, ref from, out int start, out int tokenLength))
            {
                Add(memo.Run(text.AsSpan(start, tokenLength)));
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
