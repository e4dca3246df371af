using System.Text.Json;
using SiteGen.Emitting.Search;
using Xunit;

namespace SiteGen.Tests.Search;

public sealed class SearchEmitterTests
{
    private static SearchDocument Note(string title, string[]? tags = null, string body = "", string[]? aliases = null) =>
        new("/" + title.ToLowerInvariant().Replace(' ', '-') + "/", title, aliases ?? [], tags ?? [], [], body, body);

    [Fact]
    public void Fields_and_pipeline_follow_the_site_layout()
    {
        SearchOutput output = SearchEmitter.Emit([Note("Garden")]);

        using JsonDocument index = JsonDocument.Parse(output.IndexJson.ToArray());
        Assert.Equal(["title", "aliases", "tags", "headings", "body", "titleRaw"],
            index.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["stemmer"], index.RootElement.GetProperty("pipeline").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void Nested_tags_are_split_at_the_slash_and_titles_are_kept_unstemmed_for_prefix_search()
    {
        SearchOutput output = SearchEmitter.Emit([Note("Running notes", tags: ["tools/writing"])]);

        using JsonDocument index = JsonDocument.Parse(output.IndexJson.ToArray());
        var postings = index.RootElement.GetProperty("invertedIndex").EnumerateArray()
            .ToDictionary(t => t[0].GetString()!, t => t[1]);
        Assert.True(postings["tool"].GetProperty("tags").TryGetProperty("0", out _));
        Assert.True(postings["write"].GetProperty("tags").TryGetProperty("0", out _));
        Assert.False(postings.ContainsKey("tools/writing"));
        Assert.True(postings["running"].GetProperty("titleRaw").TryGetProperty("0", out _));
        Assert.True(postings["run"].GetProperty("title").TryGetProperty("0", out _));
    }

    [Fact]
    public void Documents_json_is_an_array_indexed_by_ref()
    {
        SearchOutput output = SearchEmitter.Emit([Note("A <b>", tags: ["x/y"], body: "Body"), Note("Second")]);

        using JsonDocument docs = JsonDocument.Parse(output.DocumentsJson);
        Assert.Equal(2, docs.RootElement.GetArrayLength());
        JsonElement first = docs.RootElement[0];
        Assert.Equal(["url", "title", "tags", "excerpt"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("A <b>", first.GetProperty("title").GetString());
        Assert.Equal("x/y", first.GetProperty("tags")[0].GetString());
        Assert.Equal("/second/", docs.RootElement[1].GetProperty("url").GetString());
    }

    [Fact]
    public void Body_word_cap_shrinks_the_index_and_keeps_headings()
    {
        var notes = Enumerable.Range(0, 20).Select(i => new SearchDocument(
            $"/n{i}/", $"Note {i}", [], [], ["Deep heading"], string.Join(' ', Enumerable.Range(0, 300).Select(w => $"word{w}x")), "")).ToList();

        SearchOutput full = SearchEmitter.Emit(notes);
        SearchOutput capped = SearchEmitter.Emit(notes, bodyWords: 10);

        Assert.True(capped.IndexJson.Length < full.IndexJson.Length / 5);
        Assert.True(capped.TermCount < full.TermCount);
        Assert.Contains("\"deep\""u8.ToArray(), Split(capped.IndexJson.ToArray()));
        Assert.Throws<ArgumentOutOfRangeException>(() => SearchEmitter.Emit(notes, bodyWords: -1));
    }

    [Fact]
    public void Gzip_size_is_measured_and_compared_with_the_budget()
    {
        SearchOutput output = SearchEmitter.Emit([Note("Garden", body: string.Concat(Enumerable.Repeat("garden path ", 1000)))]);

        long gzip = output.IndexJson.MeasureGzipSize(SearchEmitter.GzipBudgetBytes);

        Assert.InRange(gzip, 1, output.IndexJson.Length);
        Assert.False(output.ExceedsGzipBudget(gzip));
        Assert.True(output.ExceedsGzipBudget(SearchEmitter.GzipBudgetBytes + 1));
    }

    [Fact]
    public void Empty_site_gives_a_loadable_empty_index()
    {
        SearchOutput output = SearchEmitter.Emit([]);

        Assert.Equal(
            """{"version":"2.3.9","fields":["title","aliases","tags","headings","body","titleRaw"],"fieldVectors":[],"invertedIndex":[],"pipeline":["stemmer"]}""",
            System.Text.Encoding.UTF8.GetString(output.IndexJson.ToArray()));
        Assert.Equal("[]", System.Text.Encoding.UTF8.GetString(output.DocumentsJson));
    }

    [Fact]
    public void A_large_index_is_written_whole_from_its_pieces_and_its_gzip_size_is_measured_or_estimated_closely()
    {
        // Big enough that the index is written in many pieces, several of them compressed apart.
        var random = new Random(7);
        var words = Enumerable.Range(0, 5000).Select(i => "w" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var notes = Enumerable.Range(0, 1500)
            .Select(i => Note("Note " + i, body: string.Join(' ', Enumerable.Range(0, 300).Select(_ => words[random.Next(words.Length)]))))
            .ToList();
        SearchOutput output = SearchEmitter.Emit(notes);

        byte[] whole = output.IndexJson.ToArray();
        using var written = new MemoryStream();
        output.IndexJson.WriteTo(written);
        Assert.Equal(whole, written.ToArray());
        using (JsonDocument index = JsonDocument.Parse(whole))
            Assert.Equal(1500 * 6, index.RootElement.GetProperty("fieldVectors").GetArrayLength());

        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(whole);
        long real = compressed.Length;
        Assert.True(whole.Length > SerializedIndex.MeasuredWhole, $"the index should be large enough to be estimated, not {whole.Length} bytes");
        // Estimated from slices of each block when far from the budget...
        long estimate = output.IndexJson.MeasureGzipSize(budget: 100);
        Assert.InRange(estimate, real * 0.97, real * 1.03);
        // ...but measured whole when near it, so the budget's verdict never rests on the sample.
        long measured = output.IndexJson.MeasureGzipSize(budget: real);
        Assert.InRange(measured, real * 0.99, real * 1.01);
        Assert.NotEqual(measured, estimate);
    }

    private static IEnumerable<byte[]> Split(byte[] json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("invertedIndex").EnumerateArray().Select(t => JsonSerializer.SerializeToUtf8Bytes(t[0].GetString()))];
    }
}
