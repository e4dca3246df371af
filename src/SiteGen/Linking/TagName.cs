namespace SiteGen.Linking;

/// <summary>Tags merge without regard to case: the canonical form is lowercase, trimmed, with no empty segments.</summary>
public static class TagName
{
    public static string? Normalize(string raw)
    {
        var segments = raw.Trim().TrimStart('#').ToLowerInvariant().Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length == 0 || segments.All(s => s.All(char.IsDigit))) return null;
        return string.Join('/', segments);
    }

    /// <summary><c>a/b/c</c> counts for <c>a</c>, <c>a/b</c> and <c>a/b/c</c>.</summary>
    public static IEnumerable<string> WithParents(string tag)
    {
        var index = -1;
        while ((index = tag.IndexOf('/', index + 1)) >= 0) yield return tag[..index];
        yield return tag;
    }
}
