using SiteGen.Configuration;
using SiteGen.Diagnostics;
using SiteGen.Emitting.Search;
using SiteGen.Incremental;
using SiteGen.Linking;
using SiteGen.Output;

namespace SiteGen.Emitting;

/// <summary><c>search/index.json</c> (lunr 2.3.9) and <c>search/documents.json</c>, from public notes only.</summary>
public static class SearchFiles
{
    /// <summary>The index's raw and gzipped sizes, for the build summary.</summary>
    public sealed record Result(long IndexBytes, long IndexGzipBytes);

    /// <summary>
    /// Writes the search files, or reuses the previous build's when no note's searchable fields changed: the index's
    /// term frequencies are site-wide, so any such change makes the whole index again.
    /// </summary>
    public static Result Write(Garden garden, SiteConfig config, DiagnosticBag diagnostics, SiteWriter writer, BuildCache? cache)
    {
        var documents = Documents(garden, config);
        var key = new KeyBuilder().Add(config.SearchBodyWords ?? -1);
        foreach (var doc in documents)
            key.Add(doc.Url).Add(doc.Title).Add(doc.Aliases).Add(doc.Tags).Add(doc.Headings).Add(doc.Body).Add(doc.Excerpt);
        var searchKey = key.Build();
        if (cache?.Recall(searchKey) is { } sizes && writer.CanReuse(IndexPath, searchKey) && writer.CanReuse(DocumentsPath, searchKey))
        {
            writer.TryReuse(IndexPath, "search index", searchKey);
            writer.TryReuse(DocumentsPath, "search documents", searchKey);
            Warn(sizes.Gzip, diagnostics);
            return new Result(sizes.Raw, sizes.Gzip);
        }
        var (output, result) = Emit(documents, config, diagnostics);
        writer.Add(IndexPath, "search index", searchKey, output.IndexJson.WriteTo);
        writer.Add(new SiteFile(DocumentsPath, output.DocumentsJson, null, "search documents"), searchKey);
        cache?.Remember(searchKey, (result.IndexBytes, result.IndexGzipBytes));
        return result;
    }

    /// <summary>Builds both files without writing them (for the stage benchmarks).</summary>
    public static SearchOutput Emit(Garden garden, SiteConfig config, DiagnosticBag diagnostics) => Emit(Documents(garden, config), config, diagnostics).Output;

    private const string IndexPath = "search/index.json";
    private const string DocumentsPath = "search/documents.json";

    private static List<SearchDocument> Documents(Garden garden, SiteConfig config)
    {
        var basePath = config.BasePath;
        return garden.Notes.Select(n => new SearchDocument(
            n.Url.Href(basePath),
            n.Note.Title,
            n.Note.Meta.Aliases,
            n.Tags,
            n.Headings.Select(h => h.Text).ToList(),
            n.Content.Text,
            n.Summary(160) ?? "")).ToList();
    }

    private static void Warn(long gzip, DiagnosticBag diagnostics)
    {
        if (gzip > SearchEmitter.GzipBudgetBytes)
            diagnostics.Warn("SG0901", $"the search index is {gzip / 1_000_000.0:0.0} MB gzipped; set search.bodyWords in sitegen.yml to index only the first words of each note");
    }

    private static (SearchOutput Output, Result Sizes) Emit(List<SearchDocument> documents, SiteConfig config, DiagnosticBag diagnostics)
    {
        var output = SearchEmitter.Emit(documents, config.SearchBodyWords);
        var gzip = output.IndexJson.MeasureGzipSize(SearchEmitter.GzipBudgetBytes);
        Warn(gzip, diagnostics);
        return (output, new Result(output.IndexJson.Length, gzip));
    }
}
