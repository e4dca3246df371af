using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using SiteGen.Markdown.CodeHighlighting;
using TextMateSharp.Grammars;
using TextMateSharp.Internal.Types;

namespace SiteGen.Benchmarks;

/// <summary>
/// Where code highlighting's time goes, per language, on the code blocks of the bench garden.
/// <see cref="Tokenize"/> colours them as the build does, on one thread. The two scanner benchmarks replay what a
/// TextMate scanner does on every line, straight on Oniguruma (Onigwrap's native library, UTF-16 as TextMateSharp
/// uses it), with the patterns of the grammar's top-level rule: find the leftmost match of all of them, step past it,
/// and again. <see cref="ScanRegexByRegex"/> searches regex by regex and reuses a regex's last result while it still
/// lies ahead (what TextMateSharp and Onigwrap do); <see cref="ScanRegexSet"/> makes one <c>onig_regset_search</c>
/// per step. Both return the same sum of matched pattern indexes, so they do the same work.
/// <see cref="ScanRegexByRegexUtf8"/> is the first over UTF-8 text, with Debian's own Oniguruma (package libonig5),
/// since Onigwrap's build has no UTF-8: what a scanner of our own would gain from the encoding alone.
/// </summary>
[MemoryDiagnoser]
public class HighlightingBenchmarks
{
    private List<string[]> _blocks = [];
    private byte[][] _lines = [];
    private Oniguruma _onig = null!;
    private nint[] _regexes = [];
    private nint _set;
    private List<string> _patterns = [];
    private byte[][] _utf8Lines = [];
    private Oniguruma _utf8 = null!;
    private nint[] _utf8Regexes = [];
    private const string DebianOniguruma = "/usr/lib/x86_64-linux-gnu/libonig.so.5";

    [Params("csharp", "sql", "javascript", "json")]
    public string Language { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = BenchVault.Root(int.TryParse(Environment.GetEnvironmentVariable("NOTES"), out var n) ? n : 1000);
        _blocks = Fences(Path.Combine(root, "content"), Language);
        _lines = _blocks.SelectMany(b => b).Select(l => Encoding.Unicode.GetBytes(l + "\n")).ToArray();
        Tokenize();

        var options = new RegistryOptions(ThemeName.LightPlus);
        var grammar = options.GetGrammar(options.GetScopeByLanguageId(Language));
        _onig = new Oniguruma(NativeLibrary.Load("onigwrap", typeof(Onigwrap.ORegex).Assembly, null), utf8: false);
        // Onigwrap rewrites a few escapes before compiling; patterns that need that are left out of both scans.
        var patterns = TopLevelPatterns(grammar).Where(p => _onig.Compile(p) != 0).ToList();
        // A regex may belong to one set only, so each strategy compiles its own.
        _regexes = patterns.Select(_onig.Compile).ToArray();
        _set = _onig.RegexSet(patterns.Select(_onig.Compile).ToArray());
        _patterns = patterns;
        if (ScanRegexSet() != ScanRegexByRegex()) throw new InvalidOperationException("the two scans disagree");
    }

    [GlobalSetup(Target = nameof(ScanRegexByRegexUtf8))]
    public void SetupUtf8()
    {
        Setup();
        if (!File.Exists(DebianOniguruma)) throw new InvalidOperationException($"{DebianOniguruma} is missing: apt-get install libonig5");
        _utf8 = new Oniguruma(NativeLibrary.Load(DebianOniguruma), utf8: true);
        _utf8Regexes = _patterns.Select(_utf8.Compile).ToArray();
        if (_utf8Regexes.Contains(0)) throw new InvalidOperationException("Debian's Oniguruma rejects a pattern that Onigwrap's accepts");
        _utf8Lines = _blocks.SelectMany(b => b).Select(l => Encoding.UTF8.GetBytes(l + "\n")).ToArray();
        if (ScanRegexByRegexUtf8() != ScanRegexByRegex()) throw new InvalidOperationException("the UTF-8 scan disagrees");
    }

    [Benchmark]
    public int Tokenize()
    {
        var tokens = 0;
        foreach (var block in _blocks) tokens += CodeHighlighter.Highlight(Language, block)?.Sum(l => l.Tokens.Count) ?? 0;
        return tokens;
    }

    [Benchmark]
    public long ScanRegexByRegex() => ScanRegexByRegex(_onig, _regexes, _lines);

    [Benchmark]
    public long ScanRegexByRegexUtf8() => ScanRegexByRegex(_utf8, _utf8Regexes, _utf8Lines);

    private static long ScanRegexByRegex(Oniguruma onig, nint[] regexes, byte[][] lines)
    {
        long sum = 0;
        var starts = new int[regexes.Length];
        var ends = new int[regexes.Length];
        foreach (var line in lines)
        {
            Array.Fill(starts, Unsearched);
            for (var at = 0; at < line.Length;)
            {
                int best = -1, bestStart = int.MaxValue, bestEnd = 0;
                for (var i = 0; i < regexes.Length; i++)
                {
                    if (starts[i] == Unsearched || (starts[i] >= 0 && starts[i] < at))
                        starts[i] = onig.Search(regexes[i], line, at, out ends[i]);
                    if (starts[i] >= 0 && starts[i] < bestStart) (best, bestStart, bestEnd) = (i, starts[i], ends[i]);
                }
                if (best < 0) break;
                sum += best;
                at = bestEnd > bestStart ? bestEnd : bestStart + onig.CharLength(line, bestStart);
            }
        }
        return sum;
    }

    [Benchmark]
    public long ScanRegexSet()
    {
        long sum = 0;
        foreach (var line in _lines)
        {
            for (var at = 0; at < line.Length;)
            {
                var best = _onig.SearchSet(_set, line, at, out var start, out var end);
                if (best < 0) break;
                sum += best;
                at = end > start ? end : start + _onig.CharLength(line, start);
            }
        }
        return sum;
    }

    private const int Unsearched = -2;

    private static List<string[]> Fences(string content, string language)
    {
        var blocks = new List<string[]>();
        foreach (var file in Directory.EnumerateFiles(content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            List<string>? block = null;
            foreach (var line in File.ReadLines(file))
            {
                if (block is null && line == "```" + language) block = [];
                else if (block is not null && line.StartsWith("```", StringComparison.Ordinal)) { blocks.Add([.. block]); block = null; }
                else block?.Add(line);
            }
        }
        return blocks;
    }

    /// <summary>The regexes a scanner for the grammar's top-level rule holds: includes expanded, each begin or match once.</summary>
    private static List<string> TopLevelPatterns(IRawGrammar grammar)
    {
        var patterns = new List<string>();
        var seen = new HashSet<IRawRule>(ReferenceEqualityComparer.Instance);
        void Add(IEnumerable<IRawRule>? rules)
        {
            foreach (var rule in rules ?? [])
            {
                // $self and $base are the top level itself; other scopes are other languages.
                var target = rule.GetInclude() is not { } include ? rule
                    : include.StartsWith('#') ? grammar.GetRepository().GetProp(include[1..])
                    : null;
                if (target is null || !seen.Add(target)) continue;
                if ((target.GetMatch() ?? target.GetBegin()) is { } regex) patterns.Add(regex);
                else Add(target.GetPatterns());
            }
        }
        Add(grammar.GetPatterns());
        return patterns;
    }

    /// <summary>Just enough of Oniguruma's C API to search and to search a set, over UTF-16 or UTF-8 text.</summary>
    private sealed unsafe class Oniguruma
    {
        private const int CaptureGroup = 8; // ONIG_OPTION_CAPTURE_GROUP, as TextMate grammars expect
        private readonly delegate* unmanaged<nint*, byte*, byte*, uint, nint, nint, byte*, int> _new;
        private readonly delegate* unmanaged<nint, byte*, byte*, byte*, byte*, nint, uint, int> _search;
        private readonly delegate* unmanaged<nint*, int, nint*, int> _setNew;
        private readonly delegate* unmanaged<nint, byte*, byte*, byte*, byte*, int, uint, int*, int> _setSearch;
        private readonly delegate* unmanaged<nint, int, nint> _setRegion;
        private readonly nint _encoding, _syntax, _region;
        private readonly bool _utf8;

        public Oniguruma(nint library, bool utf8)
        {
            _utf8 = utf8;
            nint Export(string name) => NativeLibrary.GetExport(library, name);
            _new = (delegate* unmanaged<nint*, byte*, byte*, uint, nint, nint, byte*, int>)Export("onig_new");
            _search = (delegate* unmanaged<nint, byte*, byte*, byte*, byte*, nint, uint, int>)Export("onig_search");
            _setNew = (delegate* unmanaged<nint*, int, nint*, int>)Export("onig_regset_new");
            _setSearch = (delegate* unmanaged<nint, byte*, byte*, byte*, byte*, int, uint, int*, int>)Export("onig_regset_search");
            _setRegion = (delegate* unmanaged<nint, int, nint>)Export("onig_regset_get_region");
            _encoding = Export(utf8 ? "OnigEncodingUTF8" : "OnigEncodingUTF16_LE");
            _syntax = Export("OnigSyntaxRuby");
            var encoding = _encoding;
            ((delegate* unmanaged<nint*, int, int>)Export("onig_initialize"))(&encoding, 1);
            _region = ((delegate* unmanaged<nint>)Export("onig_region_new"))();
        }

        /// <summary>The compiled regex, or 0 when Oniguruma rejects the pattern.</summary>
        public nint Compile(string pattern)
        {
            var bytes = _utf8 ? Encoding.UTF8.GetBytes(pattern) : Encoding.Unicode.GetBytes(pattern);
            nint regex;
            var error = stackalloc byte[64];
            fixed (byte* p = bytes)
            {
                return _new(&regex, p, p + bytes.Length, CaptureGroup, _encoding, _syntax, error) == 0 ? regex : 0;
            }
        }

        public nint RegexSet(nint[] regexes)
        {
            nint set;
            fixed (nint* p = regexes)
            {
                if (_setNew(&set, regexes.Length, p) != 0) throw new InvalidOperationException("onig_regset_new failed");
            }
            return set;
        }

        /// <summary>The byte offset of the first match at or after <paramref name="at"/>, or -1.</summary>
        public int Search(nint regex, byte[] text, int at, out int end)
        {
            fixed (byte* p = text)
            {
                var start = _search(regex, p, p + text.Length, p + at, p + text.Length, _region, 0);
                end = start >= 0 ? MatchEnd(_region) : 0;
                return start >= 0 ? start : -1;
            }
        }

        /// <summary>The index of the set's regex that matches leftmost (the first of them at that place), or -1.</summary>
        public int SearchSet(nint set, byte[] text, int at, out int start, out int end)
        {
            fixed (byte* p = text)
            {
                int position;
                var index = _setSearch(set, p, p + text.Length, p + at, p + text.Length, 0 /* ONIG_REGSET_POSITION_LEAD */, 0, &position);
                start = position;
                end = index >= 0 ? MatchEnd(_setRegion(set, index)) : 0;
                return index;
            }
        }

        /// <summary>The bytes of the character at <paramref name="at"/>: an empty match steps over it.</summary>
        public int CharLength(byte[] text, int at) =>
            !_utf8 ? (char.IsHighSurrogate((char)(text[at] | text[at + 1] << 8)) ? 4 : 2)
            : text[at] < 0xC0 ? 1 : text[at] < 0xE0 ? 2 : text[at] < 0xF0 ? 3 : 4;

        // OnigRegion is { int allocated; int num_regs; int* beg; int* end; ... }: the whole match's end is end[0].
        private static int MatchEnd(nint region) => ((OnigRegion*)region)->End[0];

        [StructLayout(LayoutKind.Sequential)]
        private struct OnigRegion
        {
            public int Allocated;
            public int NumRegs;
            public int* Beg;
            public int* End;
        }
    }
}
