using System.Text;
using System.Text.RegularExpressions;
using Onigwrap;
using SiteGen.Markdown.CodeHighlighting;
using TextMateSharp.Grammars;
using TextMateSharp.Registry;
using Xunit;

namespace SiteGen.Tests.Markdown;

public sealed class AlternationFactoringTests
{
    [Fact]
    public void Branches_are_grouped_by_their_first_character_in_their_order()
    {
        var rewritten = AlternationFactoring.Rewrite(@"\b(apple|banana|apricot|blueberry|cherry|cranberry)\b");

        Assert.Equal(@"\b(a(?:p(?:ple|ricot))|b(?:anana|lueberry)|c(?:herry|ranberry))\b", rewritten);
    }

    [Theory]
    [InlineData(@"\b(one|two|three|four|five)\b")] // too few branches
    [InlineData(@"\b(one|two|four|six|eight|nine)\b")] // no two share a character
    [InlineData(@"(?x) \b(apple|apricot|banana|blueberry|cherry|cranberry)\b")] // extended mode
    [InlineData(@"\b(apple|apricot|\d+|blueberry|cherry|cranberry)\b")] // a branch that does not start with a literal
    [InlineData(@"\b(a*pple|apricot|banana|blueberry|cherry|cranberry)\b")] // a quantified first character
    [InlineData(@"\b(apple|b(?i)anana|apricot|blueberry|cherry|cranberry)\b")] // flags switched for the later branches
    [InlineData(@"\b(a1|b(x)|a(y)|c1|c2|d1)\b")] // moving a(y) ahead of b(x) would renumber the groups
    [InlineData(@"\b(apple|apricot|banana|blueberry|cherry|cranberry")] // unbalanced
    [InlineData(@"[]apple|apricot|banana|blueberry|cherry|cranberry]")] // a class that engines read differently
    public void What_is_not_certain_is_left_alone(string pattern) => Assert.Equal(pattern, AlternationFactoring.Rewrite(pattern));

    /// <summary>
    /// Every regex of every bundled grammar that the rewrite changes finds the same match and the same groups as the
    /// original, at every position of ASCII text made of the words of the pattern, in other cases, cut short or run on.
    /// </summary>
    [Fact]
    public void Rewritten_regexes_of_the_bundled_grammars_match_as_the_originals_do()
    {
        var options = new RegistryOptions(ThemeName.LightPlus);
        var rewritten = 0;
        foreach (var pattern in BundledPatterns(options).Distinct())
        {
            var factored = AlternationFactoring.Rewrite(pattern);
            if (factored == pattern) continue;
            rewritten++;
            var original = new ORegex(pattern, false, false);
            var changed = new ORegex(factored, false, false);
            // An end pattern's back-references are filled in before it is compiled; alone, it does not compile.
            Assert.Equal(original.Valid, changed.Valid);
            if (!original.Valid) continue;
            foreach (var probe in Probes(pattern))
            {
                for (var offset = 0; offset <= probe.Length; offset++)
                    Assert.True(Describe(original.SafeSearch(probe, offset)) == Describe(changed.SafeSearch(probe, offset)), $"{pattern}\nrewritten as\n{factored}\ndiffers on \"{probe}\" from {offset}");
            }
        }
        // The grammars had 378 such regexes when this was written; far fewer means the rewrite stopped applying.
        Assert.True(rewritten > 300, $"{rewritten} regexes rewritten");
    }

    [Theory]
    [InlineData("source.sql", "SELECT name, COUNT(*) FROM users WHERE id = 4 GROUP BY name;\nUPDATE t SET filter = 'x', selected = 1 WHERE start_date IS NOT NULL;\n-- a comment\nCREATE OR ALTER PROCEDURE p AS BEGIN RAISERROR('x', 16, 1) END")]
    [InlineData("source.cpp", "#include <vector>\nstatic_assert(sizeof(int) == 4);\nint main() { std::vector<int> v; for (auto x : v) { return x; } }")]
    [InlineData("source.php", "<?php\nfunction f(array $a): int { return count($a) + strlen('x'); }\n?>")]
    [InlineData("source.powershell", "Get-ChildItem -Path . | Where-Object { $_.Length -gt 10 } | ForEach-Object { Write-Output $_ }")]
    public void Code_is_cut_into_the_same_tokens(string scope, string code)
    {
        var options = new RegistryOptions(ThemeName.LightPlus);
        var lines = code.Split('\n');

        Assert.Equal(Tokens(new Registry(options), scope, lines), Tokens(new Registry(new FactoredGrammars(options)), scope, lines));
    }

    [Fact]
    public void Code_with_characters_that_fold_to_several_is_coloured_with_the_grammars_as_bundled()
    {
        // Oniguruma's SQL keyword list matches "ßl" as "ssl" and "ﬁlter" as "filter" only as the keywords' strings are cut.
        var line = CodeHighlighter.Highlight("sql", ["SELECT ßl, ﬁlter FROM t"])!.Single();

        string? ClassAt(string word) => line.Tokens.Single(t => t.Start <= line.Text.IndexOf(word) && line.Text.IndexOf(word) < t.Start + t.Length).CssClass;
        Assert.Equal("hl-keyword", ClassAt("ßl"));
        Assert.Equal("hl-keyword", ClassAt("ﬁlter"));
    }

    private static List<string> Tokens(Registry registry, string scope, string[] lines)
    {
        var grammar = registry.LoadGrammar(scope);
        var tokens = new List<string>();
        IStateStack? state = null;
        foreach (var line in lines)
        {
            var result = grammar.TokenizeLine(line + "\n", state, TimeSpan.FromSeconds(5));
            state = result.RuleStack;
            tokens.AddRange(result.Tokens.Select(t => $"{t.StartIndex}-{t.EndIndex} {string.Join(' ', t.Scopes)}"));
        }
        return tokens;
    }

    private static string Describe(OnigResult? result)
    {
        if (result is null) return "none";
        var groups = new StringBuilder();
        for (var i = 0; i < result.Count(); i++) groups.Append(result.LocationAt(i)).Append('+').Append(result.LengthAt(i)).Append(' ');
        return groups.ToString();
    }

    private static IEnumerable<string> Probes(string pattern)
    {
        var words = Regex.Matches(pattern, "[A-Za-z_][A-Za-z0-9_]*").Select(m => m.Value).Distinct().ToList();
        var variants = words.SelectMany(w => new[] { w, w.ToUpperInvariant(), w[..1].ToUpperInvariant() + w[1..], w[..^1], w + "x", w + "_1", "_" + w });
        // Lines of a few words each, joined by the punctuation code puts between them.
        foreach (var chunk in variants.Chunk(8))
        {
            yield return string.Join(' ', chunk) + "\n";
            yield return string.Join("(", chunk) + ");\n";
        }
    }

    private static IEnumerable<string> BundledPatterns(RegistryOptions options)
    {
        var scopes = options.GetAvailableLanguages().Select(l => options.GetScopeByLanguageId(l.Id)).OfType<string>().Distinct();
        foreach (var scope in scopes)
        {
            if (options.GetGrammar(scope) is not IDictionary<string, object> grammar) continue;
            foreach (var pattern in Patterns(grammar, null)) yield return pattern;
        }
    }

    private static IEnumerable<string> Patterns(object value, string? key) => value switch
    {
        string pattern when key is "match" or "begin" or "end" or "while" => [pattern],
        IDictionary<string, object> rule => rule.SelectMany(p => Patterns(p.Value, p.Key)),
        IEnumerable<object> list => list.SelectMany(item => Patterns(item, null)),
        _ => [],
    };
}
