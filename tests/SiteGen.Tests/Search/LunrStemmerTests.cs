using System.Text.RegularExpressions;
using SiteGen.Emitting.Search;
using Xunit;

namespace SiteGen.Tests.Search;

public sealed class LunrStemmerTests
{
    [Fact]
    public void Stems_of_the_golden_word_list_match_lunr_js()
    {
        string[] lines = File.ReadAllLines(GoldenFiles.PathOf("stems.tsv"));
        Assert.True(lines.Length >= 20_000, $"stems.tsv holds only {lines.Length} words");

        var mismatches = new List<string>();
        foreach (string line in lines)
        {
            string[] parts = line.Split('\t');
            string actual = LunrStemmer.Stem(parts[0]);
            if (actual != parts[1])
            {
                mismatches.Add($"{parts[0]}: lunr {parts[1]}, ours {actual}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches, first: {string.Join("; ", mismatches.Take(10))}");
    }

    [Theory]
    [InlineData("running", "run")]
    [InlineData("happy", "happi")]
    [InlineData("generalizations", "gener")]
    [InlineData("ies", "ie")]
    [InlineData("sses", "sse")]
    [InlineData("eed", "e")]
    [InlineData("say", "say")]
    [InlineData("sky", "ski")]
    [InlineData("by", "by")]
    [InlineData("archaeologi", "archaeolog")]
    [InlineData("node.js", "node.j")]
    [InlineData("fox's", "fox'")]
    [InlineData("yelling", "yell")]
    [InlineData("syzygy", "syzygi")]
    public void Samples_from_SEARCH_md_stem_like_lunr(string word, string stem) => Assert.Equal(stem, LunrStemmer.Stem(word));

    /// <summary>
    /// The span stemmer against a direct transcription of lunr's regexes (with JS semantics: <c>.</c> excludes line
    /// terminators, <c>$</c> is the end of input) on random strings, including line terminators from array values.
    /// </summary>
    [Fact]
    public void Span_stemmer_agrees_with_a_regex_transcription_on_random_strings()
    {
        var random = new Random(12345);
        const string alphabet = "aeiouyyybcdlmnrstwxz'.0\n\u2028";
        string[] suffixes = ["", "", "s", "es", "ies", "sses", "ed", "eed", "ing", "y", "e", "ll", "ion", "tion", "sion", "ational",
            "ization", "iveness", "fulness", "ousli", "entli", "bli", "logi", "icate", "ative", "alize", "iciti", "ical", "ful",
            "ness", "ement", "ment", "ance", "ence", "able", "ible", "ism", "iti", "ous", "ive", "ize", "ate", "al", "er", "ic", "ou"];
        for (int i = 0; i < 200_000; i++)
        {
            int length = random.Next(0, 7);
            var chars = new char[length];
            for (int c = 0; c < length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }

            string word = new string(chars) + suffixes[random.Next(suffixes.Length)] + suffixes[random.Next(suffixes.Length)];
            Assert.Equal(RegexStemmer.Stem(word), LunrStemmer.Stem(word));
        }
    }

    /// <summary>lunr.stemmer's regexes, transcribed for .NET (JS "." becomes [^\n\r\u2028\u2029], "$" becomes \z).</summary>
    private static class RegexStemmer
    {
        private const string Dot = @"[^\n\r\u2028\u2029]";
        private const string C = "[^aeiou][^aeiouy]*";
        private const string V = "[aeiouy][aeiou]*";
        private static readonly Regex Mgr0 = new("^(" + C + ")?" + V + C, RegexOptions.CultureInvariant);
        private static readonly Regex Meq1 = new("^(" + C + ")?" + V + C + "(" + V + @")?\z", RegexOptions.CultureInvariant);
        private static readonly Regex Mgr1 = new("^(" + C + ")?" + V + C + V + C, RegexOptions.CultureInvariant);
        private static readonly Regex SV = new("^(" + C + ")?[aeiouy]", RegexOptions.CultureInvariant);
        private static readonly Regex Cvc = new("^" + C + @"[aeiouy][^aeiouwxy]\z", RegexOptions.CultureInvariant);
        private static readonly Regex R1a = new($@"^({Dot}+?)(ss|i)es\z");
        private static readonly Regex R1a2 = new($@"^({Dot}+?)([^s])s\z");
        private static readonly Regex R1b = new($@"^({Dot}+?)eed\z");
        private static readonly Regex R1b2 = new($@"^({Dot}+?)(ed|ing)\z");
        private static readonly Regex R1c = new($@"^({Dot}+?[^aeiou])y\z");
        private static readonly Regex R2 = new($@"^({Dot}+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)\z");
        private static readonly Regex R3 = new($@"^({Dot}+?)(icate|ative|alize|iciti|ical|ful|ness)\z");
        private static readonly Regex R4 = new($@"^({Dot}+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)\z");
        private static readonly Regex R42 = new($@"^({Dot}+?)(s|t)(ion)\z");
        private static readonly Regex R5 = new($@"^({Dot}+?)e\z");

        private static readonly Dictionary<string, string> Step2 = new()
        {
            ["ational"] = "ate", ["tional"] = "tion", ["enci"] = "ence", ["anci"] = "ance", ["izer"] = "ize", ["bli"] = "ble",
            ["alli"] = "al", ["entli"] = "ent", ["eli"] = "e", ["ousli"] = "ous", ["ization"] = "ize", ["ation"] = "ate",
            ["ator"] = "ate", ["alism"] = "al", ["iveness"] = "ive", ["fulness"] = "ful", ["ousness"] = "ous",
            ["aliti"] = "al", ["iviti"] = "ive", ["biliti"] = "ble", ["logi"] = "log",
        };

        private static readonly Dictionary<string, string> Step3 = new()
        {
            ["icate"] = "ic", ["ative"] = "", ["alize"] = "al", ["iciti"] = "ic", ["ical"] = "ic", ["ful"] = "", ["ness"] = "",
        };

        public static string Stem(string w)
        {
            if (w.Length < 3)
            {
                return w;
            }

            bool y = w[0] == 'y';
            if (y)
            {
                w = "Y" + w[1..];
            }

            Match m;
            if ((m = R1a.Match(w)).Success || (m = R1a2.Match(w)).Success)
            {
                w = m.Groups[1].Value + m.Groups[2].Value;
            }

            if ((m = R1b.Match(w)).Success)
            {
                if (Mgr0.IsMatch(m.Groups[1].Value))
                {
                    w = w[..^1];
                }
            }
            else if ((m = R1b2.Match(w)).Success && SV.IsMatch(m.Groups[1].Value))
            {
                w = m.Groups[1].Value;
                if (Regex.IsMatch(w, @"(at|bl|iz)\z"))
                {
                    w += "e";
                }
                else if (Regex.IsMatch(w, @"([^aeiouylsz])\1\z"))
                {
                    w = w[..^1];
                }
                else if (Cvc.IsMatch(w))
                {
                    w += "e";
                }
            }

            if ((m = R1c.Match(w)).Success)
            {
                w = m.Groups[1].Value + "i";
            }

            if ((m = R2.Match(w)).Success && Mgr0.IsMatch(m.Groups[1].Value))
            {
                w = m.Groups[1].Value + Step2[m.Groups[2].Value];
            }

            if ((m = R3.Match(w)).Success && Mgr0.IsMatch(m.Groups[1].Value))
            {
                w = m.Groups[1].Value + Step3[m.Groups[2].Value];
            }

            if ((m = R4.Match(w)).Success)
            {
                if (Mgr1.IsMatch(m.Groups[1].Value))
                {
                    w = m.Groups[1].Value;
                }
            }
            else if ((m = R42.Match(w)).Success && Mgr1.IsMatch(m.Groups[1].Value + m.Groups[2].Value))
            {
                w = m.Groups[1].Value + m.Groups[2].Value;
            }

            if ((m = R5.Match(w)).Success)
            {
                string stem = m.Groups[1].Value;
                if (Mgr1.IsMatch(stem) || (Meq1.IsMatch(stem) && !Cvc.IsMatch(stem)))
                {
                    w = stem;
                }
            }

            if (w.EndsWith("ll", StringComparison.Ordinal) && Mgr1.IsMatch(w))
            {
                w = w[..^1];
            }

            return y ? "y" + w[1..] : w;
        }
    }
}
