using System.Text.Json;
using SiteGen.Emitting.Search;
using Xunit;

namespace SiteGen.Tests.Search;

public sealed class LunrIndexBuilderTests
{
    private static readonly LunrField[] TitleBody = [new("title", 10), new("body")];

    [Fact]
    public void Worked_example_from_SEARCH_md_gives_the_documented_scores()
    {
        var builder = new LunrIndexBuilder(TitleBody);
        LunrBuildResult result = builder.Build(
        [
            new LunrDocument("0", ["Garden notes", "garden garden path"]),
            new LunrDocument("1", ["Other", "a garden"]),
        ]);

        using JsonDocument json = JsonDocument.Parse(result.Json.ToArray());
        var vectors = json.RootElement.GetProperty("fieldVectors").EnumerateArray()
            .ToDictionary(v => v[0].GetString()!, v => v[1].EnumerateArray().Select(e => e.GetDouble()).ToArray());
        Assert.Equal([0, 0.948, 1, 4.919], vectors["title/0"]);
        Assert.Equal(0.161, vectors["body/0"][1]);
        Assert.Equal([0, 0.168], vectors["body/1"]);
        Assert.Empty(vectors["title/1"]);
        Assert.Equal(3, result.TermCount);
    }

    [Fact]
    public void Vectors_are_sorted_by_term_index_and_terms_ordinally()
    {
        var builder = new LunrIndexBuilder(TitleBody);
        LunrBuildResult result = builder.Build(
        [
            new LunrDocument("0", ["zebra", "apple"]),
            new LunrDocument("1", ["apple Zulu", "zebra Éclair"]),
        ]);

        using JsonDocument json = JsonDocument.Parse(result.Json.ToArray());
        JsonElement body1 = json.RootElement.GetProperty("fieldVectors")[3][1];
        Assert.True(body1[0].GetInt32() < body1[2].GetInt32());
        string[] terms = [.. json.RootElement.GetProperty("invertedIndex").EnumerateArray().Select(t => t[0].GetString()!)];
        Assert.Equal(terms.Order(StringComparer.Ordinal), terms);
    }

    [Fact]
    public void Duplicate_refs_are_rejected()
    {
        var builder = new LunrIndexBuilder(TitleBody);
        Assert.Throws<ArgumentException>(() => builder.Build([new("0", ["a", "b"]), new("0", ["c", "d"])]));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("_index")]
    [InlineData("7")]
    public void Field_names_that_break_lunr_or_key_order_are_rejected(string name) =>
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder([new LunrField(name)]));

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_boosts_are_rejected(double boost)
    {
        Assert.ThrowsAny<ArgumentException>(() => new LunrIndexBuilder([new LunrField("title", boost)]));
        var builder = new LunrIndexBuilder(TitleBody);
        Assert.ThrowsAny<ArgumentException>(() => builder.Build([new("0", ["a", "b"], boost)]));
    }

    [Fact]
    public void Json_strings_are_escaped_like_JSON_stringify()
    {
        var w = new JsonStringifyWriter();
        w.String("<a href='x'>&amp;</a> é 😀 \u2028 \u0001\b\t\n\f\r\"\\ \ud800x \udc00");
        Assert.Equal(
            "\"<a href='x'>&amp;</a> é 😀 \u2028 \\u0001\\b\\t\\n\\f\\r\\\"\\\\ \\ud800x \\udc00\"",
            System.Text.Encoding.UTF8.GetString(w.WrittenSpan));
    }
}
