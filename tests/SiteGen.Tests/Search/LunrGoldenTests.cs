using System.Text;
using SiteGen.Emitting.Search;
using Xunit;

namespace SiteGen.Tests.Search;

public sealed class LunrGoldenTests
{
    [Theory]
    [InlineData("worked")]
    [InlineData("edge")]
    public void Generic_builder_matches_lunr_js_byte_for_byte(string corpus)
    {
        var (builder, documents) = GoldenFiles.ReadGeneric(File.ReadAllText(GoldenFiles.PathOf(corpus + ".corpus.json")));

        byte[] actual = builder.Build(documents).Json.ToArray();

        AssertSameJson(GoldenFiles.Bytes(corpus + ".index.json"), actual);
    }

    [Fact]
    public void Site_index_of_200_notes_matches_lunr_js_byte_for_byte()
    {
        var notes = GoldenFiles.ReadNotes(File.ReadAllText(GoldenFiles.PathOf("notes200.corpus.json")));

        SearchOutput output = SearchEmitter.Emit(notes);

        AssertSameJson(GoldenFiles.Bytes("notes200.index.json"), output.IndexJson.ToArray());
        AssertSameJson(GoldenFiles.Bytes("notes200.documents.json"), output.DocumentsJson);
        Assert.Equal(200, output.DocumentCount);
    }

    [Fact]
    public void Body_word_cap_matches_lunr_js_on_the_first_50_words()
    {
        var notes = GoldenFiles.ReadNotes(File.ReadAllText(GoldenFiles.PathOf("notes200.corpus.json")));

        SearchOutput output = SearchEmitter.Emit(notes, bodyWords: 50);

        AssertSameJson(GoldenFiles.Bytes("notes200-body50.index.json"), output.IndexJson.ToArray());
    }

    /// <summary>Byte equality, with a readable first difference when it fails.</summary>
    internal static void AssertSameJson(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        int i = expected.AsSpan().CommonPrefixLength(actual);
        int from = Math.Max(0, i - 120);
        string Around(byte[] b) => Encoding.UTF8.GetString(b, from, Math.Min(b.Length, i + 120) - from);
        Assert.Fail($"JSON differs at byte {i} (expected {expected.Length} bytes, got {actual.Length}).\nexpected: …{Around(expected)}…\nactual:   …{Around(actual)}…");
    }
}
