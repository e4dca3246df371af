using SiteGen.Configuration;
using SiteGen.Diagnostics;
using SiteGen.Emitting.Search;
using SiteGen.Linking;
using SiteGen.Output;

namespace SiteGen.Emitting;

/// <summary><c>search/index.json</c> (lunr 2.3.9) and <c>search/documents.json</c>, from public notes only.</summary>
public static class SearchFiles
{
    /// <summary>The files, and the index's raw and gzipped sizes for the build summary.</summary>
    public sealed record Result(IReadOnlyList<SiteFile> Files, long IndexBytes, long IndexGzipBytes);

    public static Result Emit(Garden garden, SiteConfig config, DiagnosticBag diagnostics)
    {
        var documents = garden.Notes.Select(n => new SearchDocument(
            n.Url.Href(config.BasePath),
            n.Note.Title,
            n.Note.Meta.Aliases,
            n.Tags,
            n.Headings.Select(h => h.Text).ToList(),
            n.Content.Text,
            n.Summary(160) ?? "")).ToList();
        var output = SearchEmitter.Emit(documents, config.SearchBodyWords);
        var gzip = output.MeasureIndexGzipSize();
        if (output.ExceedsGzipBudget(gzip))
            diagnostics.Warn("SG0901", $"the search index is {gzip / 1_000_000.0:0.0} MB gzipped; set search.bodyWords in sitegen.yml to index only the first words of each note");
        return new Result(
            [new SiteFile("search/index.json", output.IndexJson, null, "search index"), new SiteFile("search/documents.json", output.DocumentsJson, null, "search documents")],
            output.IndexJson.Length,
            gzip);
    }
}
