namespace SiteGen.Cli.Commands.Serve;

/// <summary>
/// Maps a request path (decoded once by the server) to a file inside the site, or null. Rejects '..', '.', '\', ':',
/// NUL and any '%' left after the one decoding (double encoding), checks containment with a separator boundary,
/// and refuses anything reached through a symlink. A folder without index.html is not listed: it is null.
/// </summary>
public static class SafePath
{
    public static string? Resolve(string siteRoot, string requestPath)
    {
        var root = Path.GetFullPath(siteRoot).TrimEnd(Path.DirectorySeparatorChar);
        if (requestPath.Length == 0 || requestPath[0] != '/') return null;
        var segments = requestPath[1..].Split('/');
        foreach (var segment in segments)
        {
            if (segment is "." or ".." || segment.IndexOfAny(['\\', ':', '\0', '%']) >= 0 || segment.Any(char.IsControl)) return null;
        }
        var path = root;
        foreach (var segment in segments.Where(s => s.Length > 0))
        {
            path = Path.Combine(path, segment);
            if (new FileInfo(path).LinkTarget is not null) return null;
        }
        path = Path.GetFullPath(path);
        if (path != root && !path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, "index.html");
            if (new FileInfo(path).LinkTarget is not null) return null;
        }
        return File.Exists(path) ? path : null;
    }
}
