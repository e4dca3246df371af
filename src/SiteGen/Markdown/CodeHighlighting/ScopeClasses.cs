namespace SiteGen.Markdown.CodeHighlighting;

/// <summary>
/// Maps TextMate scopes (<c>storage.type.class.cs</c>) to the theme's few token classes (<c>hl-keyword</c>). The
/// innermost scope that has a class wins, so the quote of a string (<c>punctuation.definition.string</c>, no class)
/// takes the string's colour.
/// </summary>
internal static class ScopeClasses
{
    // Checked in order; a prefix matches whole dot-separated parts only.
    private static readonly (string Prefix, string Class)[] Rules =
    [
        ("comment", "hl-comment"),
        ("punctuation.definition.comment", "hl-comment"),
        ("string.regexp", "hl-regexp"),
        ("constant.character.escape", "hl-escape"),
        ("string", "hl-string"),
        ("constant.numeric", "hl-number"),
        ("constant.language", "hl-constant"),
        ("constant", "hl-constant"),
        ("keyword.operator", "hl-operator"),
        ("keyword", "hl-keyword"),
        ("storage", "hl-keyword"),
        ("variable.language", "hl-constant"),
        ("entity.name.function", "hl-function"),
        ("support.function", "hl-function"),
        ("entity.name.tag", "hl-tag"),
        ("entity.other.attribute-name", "hl-attr"),
        ("support.type.property-name", "hl-property"),
        ("meta.object-literal.key", "hl-property"),
        ("entity.name.type", "hl-type"),
        ("entity.name.class", "hl-type"),
        ("entity.name.namespace", "hl-type"),
        ("entity.other.inherited-class", "hl-type"),
        ("support.type", "hl-type"),
        ("support.class", "hl-type"),
        ("support.constant", "hl-constant"),
        ("variable.parameter", "hl-variable"),
        ("variable.other.constant", "hl-constant"),
        ("variable", "hl-variable"),
        ("markup.heading", "hl-heading"),
        ("markup.bold", "hl-bold"),
        ("markup.italic", "hl-italic"),
        ("markup.inserted", "hl-inserted"),
        ("markup.deleted", "hl-deleted"),
        ("meta.diff.range", "hl-constant"),
        ("meta.diff.header", "hl-comment"),
    ];

    /// <summary>The class of the innermost scope that has one, or null.</summary>
    public static string? Of(IReadOnlyList<string> scopes, Dictionary<string, string?> cache)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            var scope = scopes[i];
            if (!cache.TryGetValue(scope, out var found))
            {
                found = Match(scope);
                cache[scope] = found;
            }
            if (found is not null) return found;
        }
        return null;
    }

    private static string? Match(string scope)
    {
        foreach (var (prefix, cssClass) in Rules)
        {
            if (scope.StartsWith(prefix, StringComparison.Ordinal) && (scope.Length == prefix.Length || scope[prefix.Length] == '.')) return cssClass;
        }
        return null;
    }
}
