using SiteGen.Linking;

namespace SiteGen.Tests.Linking;

public sealed class SluggerTests
{
    [Theory]
    [InlineData("My Note", "my-note")]
    [InlineData("  Hello,   World!  ", "hello-world")]
    [InlineData("Café Crème", "café-crème")]
    [InlineData("Cafe\u0301", "café")]
    [InlineData("日本語 ノート", "日本語-ノート")]
    [InlineData("C# & .NET", "c-net")]
    [InlineData("What? 100%", "what-100")]
    [InlineData("ISTANBUL", "istanbul")]
    [InlineData("a--b__c", "a-b-c")]
    [InlineData("🌱🌿", "")]
    public void Segments_keep_letters_and_digits_only(string input, string expected) =>
        Assert.Equal(expected, Slugger.Segment(input));

    [Fact]
    public void Lowercasing_ignores_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal("istanbul", Slugger.Segment("ISTANBUL"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_name_without_letters_gets_a_stable_hash_slug()
    {
        var first = Slugger.SegmentOrHash("🌱🌿", out var hashed);
        Assert.True(hashed);
        Assert.Matches("^n-[0-9a-f]{8}$", first);
        Assert.Equal(first, Slugger.SegmentOrHash("🌱🌿", out _));
        Assert.NotEqual(first, Slugger.SegmentOrHash("🌿🌱", out _));
    }
}
