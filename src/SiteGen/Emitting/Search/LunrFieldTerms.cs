namespace SiteGen.Emitting.Search;

/// <summary>The pipeline output of one field of one document: distinct terms in first-appearance order with their counts.</summary>
internal sealed class LunrFieldTerms
{
    public static readonly LunrFieldTerms Empty = new([], [], 0);

    public LunrFieldTerms(string[] terms, int[] frequencies, int length)
    {
        Terms = terms;
        Frequencies = frequencies;
        Length = length;
    }

    public string[] Terms { get; }

    public int[] Frequencies { get; }

    /// <summary>The number of terms that came out of the pipeline (lunr's fieldLength).</summary>
    public int Length { get; }
}
