namespace SiteGen.Emitting.Search;

/// <summary>One inverted-index entry: the term, its <c>_index</c> (order of first appearance) and, per field, the documents holding it.</summary>
internal sealed class LunrTermEntry
{
    public LunrTermEntry(string term, int index, int fieldCount)
    {
        Term = term;
        Index = index;
        Documents = new List<int>?[fieldCount];
    }

    public string Term { get; }

    public int Index { get; }

    /// <summary>Per field, the ordinals of the documents holding the term, in add order (null when none).</summary>
    public List<int>?[] Documents { get; }

    /// <summary>lunr's "documentsWithTerm": (field, document) pairs, not distinct documents.</summary>
    public int PairCount { get; private set; }

    public void Add(int field, int document)
    {
        (Documents[field] ??= new List<int>(2)).Add(document);
        PairCount++;
    }
}
