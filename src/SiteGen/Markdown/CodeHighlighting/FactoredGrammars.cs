using TextMateSharp.Internal.Types;
using TextMateSharp.Registry;
using TextMateSharp.Themes;

namespace SiteGen.Markdown.CodeHighlighting;

/// <summary>
/// The bundled grammars with their regexes rewritten by <see cref="AlternationFactoring"/> as each is loaded. They
/// colour ASCII code the same, faster (SQL, whose keyword lists were the worst case, in a third of the time); other
/// code must use the bundled grammars (<see cref="AlternationFactoring.IsExactFor"/>).
/// </summary>
internal sealed class FactoredGrammars(IRegistryOptions bundled) : IRegistryOptions
{
    private static readonly HashSet<string> RegexKeys = new(StringComparer.Ordinal) { "match", "begin", "end", "while" };

    public IRawGrammar? GetGrammar(string scopeName)
    {
        var grammar = bundled.GetGrammar(scopeName);
        if (grammar is IDictionary<string, object> rules) Rewrite(rules);
        return grammar;
    }

    public ICollection<string>? GetInjections(string scopeName) => bundled.GetInjections(scopeName);

    public IRawTheme GetTheme(string scopeName) => bundled.GetTheme(scopeName);

    public IRawTheme GetDefaultTheme() => bundled.GetDefaultTheme();

    // A grammar read from JSON is nested dictionaries and lists; regexes are the string values of a rule's regex keys.
    private static void Rewrite(IDictionary<string, object> rule)
    {
        foreach (var (key, value) in rule.ToList())
        {
            switch (value)
            {
                case string pattern when RegexKeys.Contains(key):
                    rule[key] = AlternationFactoring.Rewrite(pattern);
                    break;
                case IDictionary<string, object> inner:
                    Rewrite(inner);
                    break;
                case IEnumerable<object> list:
                    foreach (var item in list)
                        if (item is IDictionary<string, object> listed) Rewrite(listed);
                    break;
            }
        }
    }
}
