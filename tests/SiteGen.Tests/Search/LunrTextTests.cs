using SiteGen.Emitting.Search;
using Xunit;

namespace SiteGen.Tests.Search;

public sealed class LunrTextTests
{
    [Theory]
    [InlineData('\u0085', false)]
    [InlineData('\uFEFF', true)]
    [InlineData('\u2013', false)]
    [InlineData('\u2212', false)]
    [InlineData('-', true)]
    [InlineData('\u3000', true)]
    [InlineData('\u200B', false)]
    public void Separator_set_is_JavaScripts_not_dotnets(char c, bool separator) =>
        Assert.Equal(separator, LunrTokenizer.IsSeparator(c));

    [Fact]
    public void Separator_set_has_exactly_the_26_code_units_of_JS_whitespace_and_hyphen()
    {
        int count = Enumerable.Range(0, 65536).Count(c => LunrTokenizer.IsSeparator((char)c));
        Assert.Equal(26, count);
    }

    [Theory]
    [InlineData("hello,", "hello")]
    [InlineData("café", "caf")]
    [InlineData("über", "ber")]
    [InlineData("naïve", "naïve")]
    [InlineData("c++", "c")]
    [InlineData(".net", "net")]
    [InlineData("fox's", "fox's")]
    [InlineData("__init__", "__init__")]
    [InlineData("日本語", "")]
    [InlineData("—", "")]
    public void Trimmer_strips_ascii_non_word_characters_at_both_ends(string token, string trimmed) =>
        Assert.Equal(trimmed, LunrTrimmer.Trim(token).ToString());

    [Fact]
    public void Stop_word_list_has_119_words_and_is_exact()
    {
        Assert.Equal(119, LunrStopWords.Count);
        Assert.True(LunrStopWords.Contains("the"));
        Assert.True(LunrStopWords.Contains("twas"));
        Assert.False(LunrStopWords.Contains("The"));
        Assert.False(LunrStopWords.Contains("garden"));
    }

    [Fact]
    public void Pipeline_keeps_an_emptied_token_as_the_empty_term_and_drops_stop_words()
    {
        Assert.Equal("", LunrTermPipeline.Compute("...", stem: true));
        Assert.Null(LunrTermPipeline.Compute("the,", stem: true));
        Assert.Equal("run", LunrTermPipeline.Compute("running!", stem: true));
        Assert.Equal("running", LunrTermPipeline.Compute("running!", stem: false));
    }

    [Fact]
    public void Lowercasing_maps_dotted_capital_I_to_two_units_like_JS()
    {
        Assert.Equal("i\u0307stanbul", LunrTokenizer.Lowercase("İstanbul"));
    }

    [Fact]
    public void Body_word_cap_ends_after_the_nth_token()
    {
        Assert.Equal(" one two-three", " one two-three four"[..LunrTokenizer.EndOfFirstTokens(" one two-three four", 3)]);
        Assert.Equal(0, LunrTokenizer.EndOfFirstTokens("one", 0));
        Assert.Equal(3, LunrTokenizer.EndOfFirstTokens("one", 10));
    }
}
