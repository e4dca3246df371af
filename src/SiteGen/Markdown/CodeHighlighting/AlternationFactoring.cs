using System.Text;

namespace SiteGen.Markdown.CodeHighlighting;

/// <summary>
/// Rewrites a grammar's regex so Oniguruma tries fewer alternatives, with the same matches and the same groups.
/// Oniguruma tries an alternation's branches one after another at each position, so SQL's keyword list
/// (<c>(?i)\b(abort|abort_after_wait|absent|…)\b</c>, 800 words) costs 800 tries at each word. Branches that start
/// with different characters cannot both match at one position, so they may be grouped by their first character,
/// each group keeping its branches' order, and the character taken out in front once:
/// <c>a(?:b(?:ort|ort_after_wait|sent)|…)</c>. The engine then rejects a group with one comparison.
/// </summary>
/// <remarks>
/// Only what is certain is rewritten; a pattern with anything this parser does not know is returned as it is:
/// <list type="bullet">
/// <item>every branch of the alternation starts with an ASCII letter, digit or underscore that has no quantifier;</item>
/// <item>branches with capture groups keep their order, so every group keeps its number;</item>
/// <item>no branch switches flags for the branches after it (<c>a(?i)b|c</c> is <c>a(?i:b|c)</c> in Oniguruma);</item>
/// <item>the branches are ASCII. Ignoring case, Oniguruma lets one character of the text match several of the
/// pattern (<c>ß</c> matches <c>ss</c>, <c>ﬁ</c> matches <c>fi</c>), but only as the pattern's string happens to be
/// cut, so text with such characters may match differently. In ASCII text each character matches one, and the
/// rewritten regex matches exactly as the original: <see cref="IsExactFor"/>;</item>
/// <item>extended mode (<c>(?x)</c>), conditions and absent groups leave the pattern alone.</item>
/// </list>
/// </remarks>
internal static class AlternationFactoring
{
    // An alternation with fewer branches is not worth a rewrite; inside a rewritten one, any two that share a
    // character are.
    private const int MinBranches = 6;

    /// <summary>Whether rewritten regexes match this text as the originals do: it is ASCII.</summary>
    public static bool IsExactFor(string text) => Ascii.IsValid(text);

    /// <summary>The pattern with its long alternations grouped by first character, or the pattern itself.</summary>
    public static string Rewrite(string pattern)
    {
        if (pattern.IndexOf('|') < 0) return pattern;
        try
        {
            var parser = new Parser(pattern);
            var (text, _) = parser.Sequence(ignoreCase: false, topLevel: true);
            return parser.AtEnd ? text : pattern;
        }
        catch (UnsupportedPatternException)
        {
            return pattern;
        }
    }

    private sealed class UnsupportedPatternException : Exception;

    private sealed record Branch(string Text, bool HasCapture, bool SwitchesFlags);

    private sealed class Parser(string pattern)
    {
        private int _at;

        public bool AtEnd => _at == pattern.Length;

        /// <summary>Reads branches up to the closing parenthesis of the group (or the end) and writes them rewritten.</summary>
        public (string Text, bool HasCapture) Sequence(bool ignoreCase, bool topLevel)
        {
            var startsIgnoringCase = ignoreCase;
            var branches = new List<Branch>();
            var text = new StringBuilder();
            bool hasCapture = false, switchesFlags = false;
            while (_at < pattern.Length && pattern[_at] != ')')
            {
                var c = pattern[_at];
                switch (c)
                {
                    case '|':
                        branches.Add(new Branch(text.ToString(), hasCapture, switchesFlags));
                        text.Clear();
                        hasCapture = switchesFlags = false;
                        _at++;
                        break;
                    case '\\':
                        if (_at + 1 >= pattern.Length) throw new UnsupportedPatternException();
                        text.Append(pattern, _at, 2);
                        _at += 2;
                        break;
                    case '[':
                        text.Append(CharacterClass());
                        break;
                    case '(':
                        var group = Group(ignoreCase);
                        text.Append(group.Text);
                        hasCapture |= group.HasCapture;
                        if (group.SetsIgnoreCase is { } flag)
                        {
                            ignoreCase = flag;
                            switchesFlags = true;
                        }
                        break;
                    default:
                        text.Append(c);
                        _at++;
                        break;
                }
            }
            if (topLevel != (_at == pattern.Length)) throw new UnsupportedPatternException();
            branches.Add(new Branch(text.ToString(), hasCapture, switchesFlags));
            var written = branches.Count >= MinBranches ? Factor(branches, startsIgnoringCase) : null;
            return (written ?? string.Join('|', branches.Select(b => b.Text)), branches.Any(b => b.HasCapture));
        }

        private (string Text, bool HasCapture, bool? SetsIgnoreCase) Group(bool ignoreCase)
        {
            var open = _at;
            _at++;
            var capture = true;
            if (Peek(0) == '?')
            {
                capture = false;
                var kind = Peek(1);
                if (kind is ':' or '=' or '!' or '>') _at += 2;
                else if (kind == '<' && Peek(2) is '=' or '!') _at += 3;
                else if (kind is '<' or '\'')
                {
                    // A named group.
                    capture = true;
                    var close = pattern.IndexOf(kind == '<' ? '>' : '\'', _at + 2);
                    if (close < 0) throw new UnsupportedPatternException();
                    _at = close + 1;
                }
                else if (kind == '#')
                {
                    var close = pattern.IndexOf(')', _at);
                    if (close < 0) throw new UnsupportedPatternException();
                    _at = close + 1;
                    return (pattern[open.._at], false, null);
                }
                else
                {
                    _at++;
                    var on = true;
                    var inner = ignoreCase;
                    while (Peek(0) is 'i' or 'm' or '-')
                    {
                        if (pattern[_at] == '-') on = false;
                        else if (pattern[_at] == 'i') inner = on;
                        _at++;
                    }
                    if (Peek(0) == ')')
                    {
                        _at++;
                        return (pattern[open.._at], false, inner);
                    }
                    // Extended mode, Oniguruma's own options, conditions and absent groups.
                    if (Peek(0) != ':') throw new UnsupportedPatternException();
                    _at++;
                    ignoreCase = inner;
                }
            }
            var head = pattern[open.._at];
            var body = Sequence(ignoreCase, topLevel: false);
            _at++;
            return (head + body.Text + ")", capture || body.HasCapture, null);
        }

        private string CharacterClass()
        {
            var open = _at;
            _at++;
            if (Peek(0) == '^') _at++;
            // A ']' right after the bracket is read differently by different engines.
            if (Peek(0) == ']') throw new UnsupportedPatternException();
            var depth = 1;
            while (depth > 0)
            {
                if (_at >= pattern.Length) throw new UnsupportedPatternException();
                switch (pattern[_at])
                {
                    case '\\':
                        _at++;
                        break;
                    case '[':
                        depth++;
                        break;
                    case ']':
                        depth--;
                        break;
                }
                _at++;
            }
            return pattern[open.._at];
        }

        private char Peek(int ahead) => _at + ahead < pattern.Length ? pattern[_at + ahead] : '\0';
    }

    /// <summary>The branches grouped by first character, or null when that is not certain to match the same.</summary>
    private static string? Factor(List<Branch> branches, bool ignoreCase)
    {
        if (branches.Any(b => b.SwitchesFlags || FirstOf(b.Text) is null || !Ascii.IsValid(b.Text))) return null;
        var keys = new List<char>();
        var groups = new Dictionary<char, List<Branch>>();
        foreach (var branch in branches)
        {
            var first = FirstOf(branch.Text)!.Value;
            var key = ignoreCase ? char.ToLowerInvariant(first) : first;
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
                keys.Add(key);
            }
            group.Add(branch);
        }
        if (keys.Count == branches.Count) return null;
        var reordered = keys.SelectMany(k => groups[k]).ToList();
        if (!reordered.Where(b => b.HasCapture).SequenceEqual(branches.Where(b => b.HasCapture))) return null;

        return string.Join('|', keys.Select(key =>
        {
            var group = groups[key];
            if (group.Count == 1) return group[0].Text;
            var rests = group.Select(b => b with { Text = b.Text[1..] }).ToList();
            return $"{key}(?:{Factor(rests, ignoreCase) ?? string.Join('|', rests.Select(b => b.Text))})";
        }));
    }

    /// <summary>The branch's first character when it is a plain letter, digit or underscore with no quantifier.</summary>
    private static char? FirstOf(string branch)
    {
        if (branch.Length == 0 || !(char.IsAsciiLetterOrDigit(branch[0]) || branch[0] == '_')) return null;
        if (branch.Length > 1 && branch[1] is '*' or '+' or '?' or '{') return null;
        return branch[0];
    }
}
