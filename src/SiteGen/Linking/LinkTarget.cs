namespace SiteGen.Linking;

/// <summary>The normalised form of a link target used for matching: NFC, lowercase (invariant), <c>%20</c> as space.</summary>
internal static class LinkTarget
{
    public static string Key(string text)
    {
        var key = text.Replace("%20", " ", StringComparison.Ordinal).Replace('\\', '/').Trim();
        return key.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant();
    }

    public static string WithoutMd(string key) =>
        key.EndsWith(".md", StringComparison.Ordinal) ? key[..^3] : key;

    /// <summary>Joins a relative path onto a folder, resolving '.' and '..'; null when it would leave the content root.</summary>
    public static string? Join(string folder, string relative)
    {
        var parts = new List<string>();
        if (!relative.StartsWith('/') && folder.Length > 0) parts.AddRange(folder.Split('/'));
        foreach (var part in relative.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
