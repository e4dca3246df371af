using System.Collections.Frozen;
using System.Diagnostics;
using TextMateSharp.Grammars;
using TextMateSharp.Registry;

namespace SiteGen.Markdown.CodeHighlighting;

/// <summary>
/// Cuts code into coloured tokens with the TextMate grammars of VS Code (TextMateSharp). A registry and its grammars
/// keep compiled rules and native regex scanners that are not safe to share between threads, so each
/// <see cref="Tokenizer"/> is used by one thread at a time.
/// </summary>
/// <remarks>
/// A tokenizer loads each grammar the first time it meets the language. That costs from a few milliseconds (JSON) to
/// hundreds (bash, which embeds Python, Ruby, HTML and Markdown, and with them CSS, JavaScript and more), while a
/// block, once its grammar is loaded, takes well under a millisecond a line. So for a small garden, loading grammars
/// would be most of the build if every core loaded them: there is one tokenizer, which threads wait for, and one per
/// core only once the garden has shown it has code enough. The bundled grammars' index is read once and shared.
/// </remarks>
internal static class CodeHighlighter
{
    // Past these sizes a block is written plain: the regex engine's time grows with line length.
    private const int MaxLines = 5_000;
    private const int MaxLineLength = 2_000;
    // A block's CPU time (see ThreadCpuClock); a grammar that needs more backtracks badly on the input.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);
    // TextMateSharp's own limit for one line is on the wall clock, so it is only a last resort against a line that
    // backtracks without end, set far enough past the budget that a busy machine does not reach it.
    private static readonly TimeSpan LineLimit = TimeSpan.FromSeconds(5);

    // Not code, or drawn by the theme's scripts: these must keep Markdig's output.
    private static readonly HashSet<string> Plain = new(StringComparer.OrdinalIgnoreCase) { "mermaid", "math", "text", "txt", "plain", "plaintext" };

    private static readonly Lazy<FrozenDictionary<string, string>> Scopes = new(LoadScopes);
    // The bundled grammars' index, read once (it parses every grammar's manifest). After construction it is only
    // read, and each registry asks it for a grammar's file once, so the registries share it.
    private static readonly Lazy<RegistryOptions> Options = new(() => new RegistryOptions(ThemeName.LightPlus));

    // Blocks before it is worth a tokenizer per core, each loading the grammars again.
    private const int BlocksBeforeMoreTokenizers = 16;
    private static readonly Stack<Tokenizer> Idle = new();
    private static int _made;
    private static int _taken;
    private static volatile bool _unavailable;
    // The counter of the build whose notes are compiling on this thread, if it measures (AsyncLocal flows into the
    // threads Parallel.For uses, and builds that run side by side, as tests do, each count only their own blocks).
    private static readonly AsyncLocal<Counter?> Counting = new();

    private sealed class Counter
    {
        public long Ticks;
        public int Blocks;
    }

    /// <summary>
    /// Runs <paramref name="work"/> and reports the highlighting it did, on its thread and those it started: the time
    /// those threads spent in it, summed (collector pauses and waits for the tokenizer that fell in it included), and the blocks coloured.
    /// </summary>
    public static T Measure<T>(Func<T> work, out (TimeSpan Busy, int Blocks) usage)
    {
        var outer = Counting.Value;
        var counter = new Counter();
        Counting.Value = counter;
        try
        {
            return work();
        }
        finally
        {
            Counting.Value = outer;
            usage = (Stopwatch.GetElapsedTime(0, Interlocked.Read(ref counter.Ticks)), Volatile.Read(ref counter.Blocks));
        }
    }

    /// <summary>Reads the bundled grammars' index and the language table ahead of the first block. Safe to call from any thread.</summary>
    public static void Prepare()
    {
        try
        {
            _ = Scopes.Value;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The first block meets the same problem and is written plain.
        }
    }

    /// <summary>The TextMate scope for a fence's language (<c>cs</c>, <c>C#</c>, <c>csharp</c>), or null when unknown.</summary>
    public static string? ScopeOf(string language) =>
        Plain.Contains(language) ? null : Scopes.Value.GetValueOrDefault(language.ToLowerInvariant());

    /// <summary>The lines cut into tokens, or null when the language is unknown or the block is too large to colour.</summary>
    public static IReadOnlyList<HighlightedLine>? Highlight(string language, IReadOnlyList<string> lines)
    {
        if (ScopeOf(language) is not { } scope || lines.Count > MaxLines || lines.Any(l => l.Length > MaxLineLength)) return null;
        if (_unavailable) return null;
        var started = Stopwatch.GetTimestamp();
        Tokenizer? tokenizer = null;
        // Colour is a nicety: a block the grammar chokes on is written plain, and a platform where the native
        // regex library does not load gets plain code everywhere, never a failed build.
        try
        {
            tokenizer = Take();
            return tokenizer.Tokenize(scope, lines);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            _unavailable = true;
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
        finally
        {
            if (tokenizer is not null) Return(tokenizer);
            if (Counting.Value is { } counter)
            {
                Interlocked.Add(ref counter.Ticks, Stopwatch.GetTimestamp() - started);
                Interlocked.Increment(ref counter.Blocks);
            }
        }
    }

    private static FrozenDictionary<string, string> LoadScopes()
    {
        var options = Options.Value;
        var scopes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in options.GetAvailableLanguages())
        {
            if (options.GetScopeByLanguageId(language.Id) is not { } scope) continue;
            var names = new[] { language.Id }.Concat(language.Aliases ?? []).Concat((language.Extensions ?? []).Select(e => e.TrimStart('.')));
            foreach (var name in names.Where(n => n.Length > 0 && !n.Contains('*')))
                scopes.TryAdd(name.ToLowerInvariant(), scope);
        }
        foreach (var (alias, id) in new[] { ("shell", "sh"), ("console", "sh"), ("terminal", "sh"), ("golang", "go"), ("docker", "dockerfile") })
        {
            if (scopes.TryGetValue(id, out var scope)) scopes.TryAdd(alias, scope);
        }
        return scopes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>An idle tokenizer, a new one when there may be more, or else the next one returned.</summary>
    private static Tokenizer Take()
    {
        lock (Idle)
        {
            _taken++;
            while (Idle.Count == 0 && !MayMakeOne()) Monitor.Wait(Idle);
            if (Idle.Count > 0) return Idle.Pop();
            _made++;
        }
        try
        {
            return new Tokenizer();
        }
        catch
        {
            lock (Idle)
            {
                _made--;
                Monitor.PulseAll(Idle);
            }
            throw;
        }
    }

    private static void Return(Tokenizer tokenizer)
    {
        lock (Idle)
        {
            Idle.Push(tokenizer);
            Monitor.Pulse(Idle);
        }
    }

    private static bool MayMakeOne() => _made == 0 || (_made < Environment.ProcessorCount && _taken > BlocksBeforeMoreTokenizers);

    /// <summary>One registry with the grammars it has loaded so far; used by one thread at a time.</summary>
    private sealed class Tokenizer
    {
        private readonly Registry _factored = new(new FactoredGrammars(Options.Value));
        // For code with other characters than ASCII, where the factored regexes might match differently; made when
        // first needed.
        private Registry? _bundled;
        private readonly Dictionary<(string, bool), IGrammar?> _grammars = new();
        private readonly Dictionary<string, string?> _classes = new(StringComparer.Ordinal);

        public IReadOnlyList<HighlightedLine>? Tokenize(string scope, IReadOnlyList<string> lines)
        {
            var exact = lines.All(AlternationFactoring.IsExactFor);
            if (!_grammars.TryGetValue((scope, exact), out var grammar))
            {
                grammar = (exact ? _factored : _bundled ??= new Registry(Options.Value)).LoadGrammar(scope);
                _grammars[(scope, exact)] = grammar;
            }
            if (grammar is null) return null;

            var started = ThreadCpuClock.Now();
            var result = new HighlightedLine[lines.Count];
            IStateStack? state = null;
            for (var i = 0; i < lines.Count; i++)
            {
                var text = lines[i];
                // Given a line without its '\n', TextMateSharp copies it into a char[] to append one, and Onigwrap
                // only reuses a regex's last search result for text backed by a string: every regex of the scanner
                // then searched again at each step (2-3x the work, 7 s of the 10k benchmark). A string that already
                // ends in '\n' is used as it is; the tokens are the same, and Merge clamps them to the line.
                var line = grammar.TokenizeLine(text.EndsWith('\n') ? text : text + "\n", state, LineLimit);
                // A grammar that backtracks badly on this input: better plain than slow.
                if (ThreadCpuClock.Now() - started > Budget) return null;
                state = line.RuleStack;
                result[i] = new HighlightedLine(text, Merge(text, line.Tokens));
            }
            return result;
        }

        // Adjacent tokens of one class become one span; blanks join the span before them.
        private List<HighlightedToken> Merge(string text, IToken[] tokens)
        {
            var merged = new List<HighlightedToken>(tokens.Length);
            foreach (var token in tokens)
            {
                var start = Math.Min(token.StartIndex, text.Length);
                var end = Math.Min(token.EndIndex, text.Length);
                if (end <= start) continue;
                var cssClass = ScopeClasses.Of(token.Scopes, _classes);
                if (merged.Count > 0)
                {
                    var last = merged[^1];
                    if (last.Start + last.Length == start && (last.CssClass == cssClass || text.AsSpan(start, end - start).IsWhiteSpace()))
                    {
                        merged[^1] = last with { Length = end - last.Start };
                        continue;
                    }
                }
                merged.Add(new HighlightedToken(start, end - start, cssClass));
            }
            if (merged.Count == 0 || merged[^1].Start + merged[^1].Length < text.Length)
            {
                var covered = merged.Count == 0 ? 0 : merged[^1].Start + merged[^1].Length;
                merged.Add(new HighlightedToken(covered, text.Length - covered, null));
            }
            return merged;
        }
    }
}
