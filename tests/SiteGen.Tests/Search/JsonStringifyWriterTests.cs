using System.Globalization;
using System.Text;
using SiteGen.Emitting.Search;
using Xunit;

namespace SiteGen.Tests.Search;

public sealed class JsonStringifyWriterTests
{
    private static string Written(double value)
    {
        var writer = new JsonStringifyWriter();
        writer.Number(value);
        return Encoding.UTF8.GetString(writer.WrittenSpan);
    }

    // "R" is .NET's shortest round-trip form, the digits JS's Number#toString picks in this range.
    private static string Shortest(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Thousandths_are_written_as_their_shortest_round_trip_form()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 20_000).Select(k => k / 1000.0)
            .Concat(Enumerable.Range(0, 20_000).Select(_ => random.NextInt64(1, 999_999_999_999) / 1000.0))
            .Where(v => v == 0 || v >= 1e-3);
        foreach (var value in values) Assert.Equal(Shortest(value), Written(value));
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(0.75)]
    [InlineData(1.0 / 3)]
    [InlineData(123.4567)]
    [InlineData(0.0015)]
    [InlineData(999_999_999.999)]
    [InlineData(1_000_000_000.5)]
    [InlineData(1e14 + 0.25)]
    public void Other_numbers_keep_the_shortest_round_trip_form(double value) =>
        Assert.Equal(Shortest(value), Written(value));

    [Fact]
    public void Scores_as_the_index_rounds_them_match_the_general_form()
    {
        var random = new Random(11);
        for (var i = 0; i < 50_000; i++)
        {
            var score = random.NextDouble() * Math.Pow(10, random.Next(0, 6));
            var rounded = Math.Round(score * 1000, MidpointRounding.AwayFromZero) / 1000;
            if (rounded != 0 && rounded < 1e-3) continue;
            Assert.Equal(Shortest(rounded), Written(rounded));
        }
    }
}
