namespace SiteGen.Emitting.Search;

/// <summary>
/// Writes <c>search/index.json</c> (lunr 2.3.9) and <c>search/documents.json</c> for the site (DESIGN.md §9, SEARCH.md).
/// Refs are the short ids "0", "1", … in the given order, so the caller passes the documents sorted.
/// </summary>
public static class SearchEmitter
{
    /// <summary>Above this gzip size (5 MB) the build warns and suggests <c>search.bodyWords</c>.</summary>
    public const long GzipBudgetBytes = 5_000_000;

    /// <summary>
    /// The fields, in serialized order. <c>titleRaw</c> (title and aliases, unstemmed) exists so that the UI can match
    /// a half-typed word by prefix (SEARCH.md §2.2); it gets the title's boost, so a prefix hit on a title ranks like one.
    /// </summary>
    internal static readonly IReadOnlyList<LunrField> Fields =
    [
        new("title", 10),
        new("aliases", 8),
        new("tags", 5),
        new("headings", 3),
        new("body", 1),
        new("titleRaw", 10, Stemmed: false),
    ];

    /// <summary>Builds both files.</summary>
    /// <param name="documents">Published notes, already in their final (sorted) order.</param>
    /// <param name="bodyWords">When set, only the first N words of each body are indexed (headings stay whole).</param>
    public static SearchOutput Emit(IReadOnlyList<SearchDocument> documents, int? bodyWords = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (bodyWords is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bodyWords), bodyWords, "bodyWords must not be negative.");
        }

        var lunrDocuments = new LunrDocument[documents.Count];
        for (int i = 0; i < lunrDocuments.Length; i++)
        {
            lunrDocuments[i] = ToLunrDocument(i, documents[i], bodyWords);
        }

        LunrBuildResult index = new LunrIndexBuilder(Fields).Build(lunrDocuments);
        return new SearchOutput(index.Json, WriteDocuments(documents), documents.Count, index.TermCount, index.PostingCount);
    }

    internal static LunrDocument ToLunrDocument(int id, SearchDocument doc, int? bodyWords)
    {
        string aliases = string.Join(' ', doc.Aliases);

        // "/" does not separate tokens, so a nested tag would otherwise be one term ("parent/child").
        string tags = string.Join(' ', doc.Tags).Replace('/', ' ');
        string body = doc.Body;
        if (bodyWords is int cap)
        {
            body = body[..LunrTokenizer.EndOfFirstTokens(body, cap)];
        }

        string titleRaw = aliases.Length == 0 ? doc.Title : doc.Title + " " + aliases;
        LunrFieldValue[] values = [doc.Title, aliases, tags, string.Join(' ', doc.Headings), body, titleRaw];
        return new LunrDocument(id.ToString(System.Globalization.CultureInfo.InvariantCulture), values);
    }

    private static byte[] WriteDocuments(IReadOnlyList<SearchDocument> documents)
    {
        var w = new JsonStringifyWriter(documents.Count * 256);
        w.Raw((byte)'[');
        for (int i = 0; i < documents.Count; i++)
        {
            SearchDocument doc = documents[i];
            if (i > 0)
            {
                w.Raw((byte)',');
            }

            w.Raw("{\"url\":"u8);
            w.String(doc.Url);
            w.Raw(",\"title\":"u8);
            w.String(doc.Title);
            w.Raw(",\"tags\":["u8);
            for (int t = 0; t < doc.Tags.Count; t++)
            {
                if (t > 0)
                {
                    w.Raw((byte)',');
                }

                w.String(doc.Tags[t]);
            }

            w.Raw("],\"excerpt\":"u8);
            w.String(doc.Excerpt);
            w.Raw((byte)'}');
        }

        w.Raw((byte)']');
        return w.WrittenSpan.ToArray();
    }
}
