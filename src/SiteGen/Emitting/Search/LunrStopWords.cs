using System.Collections.Frozen;

namespace SiteGen.Emitting.Search;

/// <summary>lunr.stopWordFilter's 119 English words, compared exactly (ordinal) against the trimmed token.</summary>
internal static class LunrStopWords
{
    private static readonly FrozenSet<string> Words = (
        "a able about across after all almost also am among an and any are as at be because been but by can cannot "
        + "could dear did do does either else ever every for from get got had has have he her hers him his how however "
        + "i if in into is it its just least let like likely may me might most must my neither no nor not of off often "
        + "on only or other our own rather said say says she should since so some than that the their them then there "
        + "these they this tis to too twas us wants was we were what when where which while who whom why will with "
        + "would yet you your").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpanLookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of stop words (119).</summary>
    public static int Count => Words.Count;

    /// <summary>True when lunr's stop-word filter drops this (already trimmed) token.</summary>
    public static bool Contains(ReadOnlySpan<char> token) => SpanLookup.Contains(token);
}
