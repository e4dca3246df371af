namespace SiteGen.Linking;

/// <summary>
/// The names of private notes, kept only to word one console diagnostic. Never passed to a renderer or emitter.
/// With <c>hideNames</c> (CI), a note is named by a short hash, because CI logs of public repositories are public.
/// </summary>
public sealed class PrivateNames(IReadOnlyList<string> privatePaths, bool hideNames)
{
    private readonly Dictionary<string, string> _byKey = Build(privatePaths);

    public bool Matches(string target, out string shown)
    {
        var key = LinkTarget.WithoutMd(LinkTarget.Key(target).TrimStart('/'));
        if (_byKey.TryGetValue(key, out var path))
        {
            shown = hideNames ? "note#" + Slugger.ShortHash(path) : path;
            return true;
        }
        shown = "";
        return false;
    }

    private static Dictionary<string, string> Build(IReadOnlyList<string> paths)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var key = LinkTarget.WithoutMd(LinkTarget.Key(path));
            map.TryAdd(key, path);
            map.TryAdd(key[(key.LastIndexOf('/') + 1)..], path);
        }
        return map;
    }
}
