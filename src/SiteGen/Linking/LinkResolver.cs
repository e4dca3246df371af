using SiteGen.Notes;
using SiteGen.Vault;

namespace SiteGen.Linking;

/// <summary>
/// Matches link targets against PUBLIC notes and attachments only, so a private note can never be a link target.
/// The rules (DESIGN §5): exact path, then file name with tie rules, then alias; markdown links relative first.
/// </summary>
public sealed class LinkResolver
{
    private readonly Dictionary<string, Note> _notesByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Note>> _notesByStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Note>> _notesByAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VaultFile> _filesByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<VaultFile>> _filesByName = new(StringComparer.Ordinal);

    // Every proper suffix of every path ("b/c" of "a/b/c"), so partial-path links resolve without a scan.
    private readonly Dictionary<string, List<Note>> _notesBySuffix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<VaultFile>> _filesBySuffix = new(StringComparer.Ordinal);

    public LinkResolver(IReadOnlyList<Note> notes, IReadOnlyList<VaultFile> attachments)
    {
        foreach (var note in notes)
        {
            var key = LinkTarget.WithoutMd(LinkTarget.Key(note.Path));
            _notesByPath.TryAdd(key, note);
            foreach (var suffix in Suffixes(key)) Add(_notesBySuffix, suffix, note);
            Add(_notesByStem, LinkTarget.Key(note.Stem), note);
            foreach (var alias in note.Meta.Aliases) Add(_notesByAlias, LinkTarget.Key(alias), note);
        }
        foreach (var file in attachments)
        {
            var key = LinkTarget.Key(file.Path);
            _filesByPath.TryAdd(key, file);
            foreach (var suffix in Suffixes(key)) Add(_filesBySuffix, suffix, file);
            Add(_filesByName, LinkTarget.Key(Path.GetFileName(file.Path)), file);
        }
    }

    /// <summary>Resolves a wikilink or embed target typed in <paramref name="from"/>.</summary>
    public ResolvedTarget? Resolve(string target, Note from)
    {
        var key = LinkTarget.Key(target);
        if (key.Length == 0) return new ResolvedTarget(from, null, [from.Path]);
        if (key.StartsWith('/')) key = key.TrimStart('/');
        if (key.Contains("..", StringComparison.Ordinal) || key.StartsWith("./", StringComparison.Ordinal))
        {
            var joined = LinkTarget.Join(LinkTarget.Key(from.Folder), key);
            return joined is null ? null : ByPath(joined);
        }
        return ByPath(key) ?? ByPathSuffix(key, from) ?? ByName(key, from) ?? ByAlias(key, from);
    }

    /// <summary>Resolves the path of a standard markdown link (already percent-decoded): relative to the note, then from the root.</summary>
    public ResolvedTarget? ResolveRelative(string path, Note from)
    {
        var key = LinkTarget.Key(path);
        if (key.Length == 0) return new ResolvedTarget(from, null, [from.Path]);
        var relative = LinkTarget.Join(LinkTarget.Key(from.Folder), key);
        var fromRoot = LinkTarget.Join("", key);
        return (relative is null ? null : ByPath(relative)) ?? (fromRoot is null ? null : ByPath(fromRoot));
    }

    private ResolvedTarget? ByPath(string key)
    {
        if (_filesByPath.TryGetValue(key, out var file)) return new ResolvedTarget(null, file, [file.Path]);
        return _notesByPath.TryGetValue(LinkTarget.WithoutMd(key), out var note) ? new ResolvedTarget(note, null, [note.Path]) : null;
    }

    // Obsidian accepts a partial path such as [[sub/Note]] for a/sub/Note.md.
    private ResolvedTarget? ByPathSuffix(string key, Note from)
    {
        if (!key.Contains('/')) return null;
        if (_notesBySuffix.TryGetValue(LinkTarget.WithoutMd(key), out var notes)) return Pick(notes, n => n.Path, n => n.Folder, from);
        return _filesBySuffix.TryGetValue(key, out var files) ? Pick(files, f => f.Path, f => f.Folder, from) : null;
    }

    private static IEnumerable<string> Suffixes(string key)
    {
        for (var slash = key.IndexOf('/'); slash >= 0; slash = key.IndexOf('/', slash + 1))
        {
            var suffix = key[(slash + 1)..];
            if (suffix.Contains('/')) yield return suffix;
        }
    }

    private ResolvedTarget? ByName(string key, Note from)
    {
        if (_notesByStem.TryGetValue(LinkTarget.WithoutMd(key), out var notes) && !HasExtensionOtherThanMd(key))
            return Pick(notes, n => n.Path, n => n.Folder, from);
        if (_filesByName.TryGetValue(key, out var files)) return Pick(files, f => f.Path, f => f.Folder, from);
        return null;
    }

    private ResolvedTarget? ByAlias(string key, Note from) =>
        _notesByAlias.TryGetValue(key, out var notes) ? Pick(notes, n => n.Path, n => n.Folder, from) : null;

    private static bool HasExtensionOtherThanMd(string key)
    {
        var extension = Path.GetExtension(key);
        return extension.Length > 1 && extension != ".md" && extension.Length <= 5 && !extension.Contains(' ');
    }

    /// <summary>The tie rules: the linking note's folder first, then the shortest path, then the first path in ordinal order.</summary>
    private static ResolvedTarget Pick<T>(List<T> candidates, Func<T, string> path, Func<T, string> folder, Note from)
    {
        // Nearly every name names one file: no sorting then.
        var best = candidates.Count == 1 ? candidates[0] : candidates
            .OrderBy(c => folder(c) == from.Folder ? 0 : 1)
            .ThenBy(c => path(c).Length)
            .ThenBy(c => path(c), StringComparer.Ordinal)
            .First();
        IReadOnlyList<string> names = candidates.Count == 1 ? [path(best)] : candidates.Select(path).OrderBy(p => p, StringComparer.Ordinal).ToList();
        return best is Note note ? new ResolvedTarget(note, null, names) : new ResolvedTarget(null, best as VaultFile, names);
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }
}
