using System.Diagnostics;
using System.Text;
using SiteGen.Emitting.Search;
using Xunit;

namespace SiteGen.Tests.Search;

/// <summary>
/// Builds random corpora with both SiteGen and real lunr.js (node + site-template/node_modules) and compares bytes.
/// Requires node and <c>npm ci</c> in site-template; it fails loudly instead of skipping, because CI installs both.
/// </summary>
public sealed class LunrDifferentialTests
{
    private static readonly string[] Words =
    [
        "garden", "gardening", "gardens", "running", "runs", "happy", "happiness", "relational", "the", "a", "of", "node.js",
        "C++", ".NET", "café", "naïve", "日本語", "—", "...", "fox's", "İstanbul", "yelling", "skies", "syzygy", "42", "3.14",
        "e-mail", "x\u0085y", "bom\uFEFFsplit", "__proto__", "constructor", "toString", "😀", "tab\there", "\"quoted\"",
        "back\\slash", "<b>&amp;</b>", "controll", "generalizations", "agreed", "hopping", "ties", "ies", "eed", "sses",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_generic_corpus_matches_lunr_js(int seed)
    {
        var random = new Random(seed);
        LunrField[] fields = [new("title", random.Next(1, 20)), new("body"), new("tags", 0), new("raw", 3, Stemmed: false)];
        int count = random.Next(1, 60);
        IEnumerable<string> refs = Enumerable.Range(0, count).Select(i => random.Next(4) switch
        {
            0 => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => (count * 3 - i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            2 => "r" + i,
            _ => "0" + i,
        });
        var documents = refs.Distinct().Select(r => new LunrDocument(
            r,
            [Text(random), random.Next(5) == 0 ? LunrFieldValue.None : Text(random, 80), Array(random), Text(random)],
            random.Next(4) switch { 0 => 2.5, 1 => 0, _ => 1 })).ToList();
        var builder = new LunrIndexBuilder(fields, k1: 1 + random.NextDouble(), b: 0.05 + (0.9 * random.NextDouble()));

        string dir = Directory.CreateTempSubdirectory("sitegen-lunr-").FullName;
        try
        {
            string corpus = Path.Combine(dir, "corpus.json");
            File.WriteAllBytes(corpus, CorpusJson(fields, builder, documents));
            RunNode("generic", corpus, dir);

            LunrGoldenTests.AssertSameJson(File.ReadAllBytes(Path.Combine(dir, "index.json")), builder.Build(documents).Json.ToArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static LunrFieldValue Text(Random random, int maxWords = 8)
    {
        var sb = new StringBuilder();
        int n = random.Next(0, maxWords);
        for (int i = 0; i < n; i++)
        {
            sb.Append(Words[random.Next(Words.Length)]);
            sb.Append(random.Next(6) switch { 0 => "-", 1 => ", ", 2 => "\n", 3 => "  ", _ => " " });
        }

        return sb.ToString();
    }

    private static LunrFieldValue Array(Random random) => random.Next(3) == 0
        ? LunrFieldValue.None
        : LunrFieldValue.Array([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(8) == 0 ? null : Words[random.Next(Words.Length)])]);

    private static byte[] CorpusJson(LunrField[] fields, LunrIndexBuilder builder, List<LunrDocument> documents)
    {
        var w = new JsonStringifyWriter();
        w.Raw("{\"fields\":["u8);
        for (int f = 0; f < fields.Length; f++)
        {
            w.Raw(f > 0 ? ",{\"name\":"u8 : "{\"name\":"u8);
            w.String(fields[f].Name);
            w.Raw(",\"boost\":"u8);
            w.Number(fields[f].Boost);
            w.Raw(fields[f].Stemmed ? "}"u8 : ",\"stemmed\":false}"u8);
        }

        w.Raw("],\"k1\":"u8);
        w.Number(builder.K1);
        w.Raw(",\"b\":"u8);
        w.Number(builder.B);
        w.Raw(",\"docs\":["u8);
        for (int d = 0; d < documents.Count; d++)
        {
            w.Raw(d > 0 ? ",{\"ref\":"u8 : "{\"ref\":"u8);
            w.String(documents[d].Ref);
            w.Raw(",\"boost\":"u8);
            w.Number(documents[d].Boost);
            w.Raw(",\"values\":{"u8);
            bool first = true;
            for (int f = 0; f < fields.Length; f++)
            {
                LunrFieldValue v = documents[d].Values[f];
                if (v.Text is null && v.Items is null)
                {
                    continue;
                }

                if (!first)
                {
                    w.Raw((byte)',');
                }

                first = false;
                w.String(fields[f].Name);
                w.Raw((byte)':');
                if (v.Items is not null)
                {
                    w.Raw((byte)'[');
                    for (int i = 0; i < v.Items.Count; i++)
                    {
                        if (i > 0)
                        {
                            w.Raw((byte)',');
                        }

                        if (v.Items[i] is null)
                        {
                            w.Raw("null"u8);
                        }
                        else
                        {
                            w.String(v.Items[i]);
                        }
                    }

                    w.Raw((byte)']');
                }
                else
                {
                    w.String(v.Text);
                }
            }

            w.Raw("}}"u8);
        }

        w.Raw("]}"u8);
        return w.WrittenSpan.ToArray();
    }

    internal static void RunNode(string mode, string input, string outDir)
    {
        string script = GoldenFiles.PathOf("lunr-build.js");
        string lunr = Path.Combine(GoldenFiles.RepoRoot, "site-template", "node_modules", "lunr", "lunr.js");
        Assert.True(File.Exists(lunr), $"lunr.js is missing at {lunr}: run `npm ci` in site-template before the tests.");
        var info = new ProcessStartInfo("node") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in new[] { script, mode, input, outDir })
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("`node` is not on PATH; the differential search tests need Node.js.", e);
        }

        using (process)
        {
            string stderr = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"node {mode} failed ({process.ExitCode}): {stderr}");
        }
    }
}
