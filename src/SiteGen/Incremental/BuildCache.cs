using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using SiteGen.Linking;

namespace SiteGen.Incremental;

/// <summary>
/// What a build may reuse from earlier builds of the same garden, each piece keyed by a hash of everything it was
/// made from: the heading and block ids of a note body, each note's compiled form, and the key of every output file.
/// <c>serve</c> keeps one in memory; <c>build</c> loads it from, and saves it to, the garden's <c>.sitegen/</c> folder.
/// A cache from another SiteGen build, or one that does not read back, is dropped: the build then does all the work.
/// </summary>
public sealed class BuildCache
{
    public const string FolderName = ".sitegen";
    private const string FileName = "cache.json";
    private const int FormatVersion = 1;

    // Any change to SiteGen's code may change what it makes of the same input, so a cache is only trusted by the
    // exact assembly that wrote it.
    private static readonly string Tool = typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly ConcurrentDictionary<UInt128, IReadOnlySet<string>> _ids = new();
    private readonly ConcurrentDictionary<string, CompiledEntry> _compiled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<UInt128, (long Raw, long Gzip)> _sizes = new();
    private readonly ConcurrentDictionary<UInt128, (Notes.FrontMatterResult, string?)> _headers = new();

    /// <summary>The keys of the files in the output folder as the last successful build left it.</summary>
    internal OutputManifest? Outputs { get; set; }

    /// <summary>A note file's front matter and comment-free body, by a hash of its name and text. Kept in memory only.</summary>
    internal (Notes.FrontMatterResult Header, string? Body)? TryGetHeader(UInt128 textKey) =>
        _headers.TryGetValue(textKey, out var entry) ? entry : null;

    internal void PutHeader(UInt128 textKey, Notes.FrontMatterResult header, string? body)
    {
        _headers[textKey] = (header, body);
        _headersUsed[textKey] = true;
    }

    private readonly ConcurrentDictionary<UInt128, bool> _headersUsed = new();

    internal bool TryGetIds(UInt128 bodyKey, out IReadOnlySet<string> ids) => _ids.TryGetValue(bodyKey, out ids!);

    internal void PutIds(UInt128 bodyKey, IReadOnlySet<string> ids) => _ids[bodyKey] = ids;

    /// <summary>The note's compiled form, if it was compiled from the same note against the same garden names, and every note it transcluded is unchanged.</summary>
    internal CompiledNote? TryGetCompiled(string path, UInt128 noteKey, UInt128 linksKey, IReadOnlyDictionary<string, UInt128> noteKeys)
    {
        if (!_compiled.TryGetValue(path, out var entry) || entry.NoteKey != noteKey || entry.LinksKey != linksKey) return null;
        foreach (var (loaded, key) in entry.Loaded)
            if (!noteKeys.TryGetValue(loaded, out var current) || current != key) return null;
        return entry.Note;
    }

    internal void PutCompiled(string path, CompiledEntry entry) => _compiled[path] = entry;

    /// <summary>Figures measured on an output that a reusing build cannot measure again (the search index's sizes).</summary>
    internal (long Raw, long Gzip)? Recall(UInt128 key) => _sizes.TryGetValue(key, out var sizes) ? sizes : null;

    internal void Remember(UInt128 key, (long Raw, long Gzip) sizes)
    {
        _sizes.Clear();
        _sizes[key] = sizes;
    }

    /// <summary>Forgets what the latest build did not use, so the cache does not grow with every edit.</summary>
    internal void Prune(IReadOnlySet<string> notePaths, IReadOnlySet<UInt128> bodyKeys)
    {
        foreach (var key in _headers.Keys)
            if (!_headersUsed.ContainsKey(key)) _headers.TryRemove(key, out _);
        _headersUsed.Clear();
        foreach (var path in _compiled.Keys)
            if (!notePaths.Contains(path)) _compiled.TryRemove(path, out _);
        foreach (var key in _ids.Keys)
            if (!bodyKeys.Contains(key)) _ids.TryRemove(key, out _);
    }

    public static BuildCache Load(string gardenRoot)
    {
        var file = Path.Combine(gardenRoot, FolderName, FileName);
        try
        {
            if (!File.Exists(file)) return new BuildCache();
            using var stream = File.OpenRead(file);
            var saved = JsonSerializer.Deserialize<Saved>(stream);
            if (saved is null || saved.Version != FormatVersion || saved.Tool != Tool) return new BuildCache();
            var cache = new BuildCache();
            foreach (var (key, ids) in saved.Ids) cache._ids[Parse(key)] = ids.ToHashSet(StringComparer.Ordinal);
            foreach (var (path, entry) in saved.Compiled)
                cache._compiled[path] = new CompiledEntry(Parse(entry.NoteKey), Parse(entry.LinksKey),
                    entry.Loaded.Select(l => (l.Key, Parse(l.Value))).ToList(), entry.Note);
            foreach (var (key, sizes) in saved.Sizes ?? []) cache._sizes[Parse(key)] = (sizes[0], sizes[1]);
            if (saved.Outputs is { } outputs)
                cache.Outputs = new OutputManifest(outputs.Folder, outputs.Files.ToDictionary(f => f.Key, f => new OutputEntry(Parse(f.Value.Key), f.Value.UsesSiteLists), StringComparer.Ordinal));
            return cache;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or OverflowException or NotSupportedException or InvalidOperationException)
        {
            return new BuildCache();
        }
    }

    /// <summary>Writes the cache to a temporary file and renames it in, so a killed build never leaves half a cache.</summary>
    public void Save(string gardenRoot)
    {
        var folder = Path.Combine(gardenRoot, FolderName);
        Directory.CreateDirectory(folder);
        // The cache holds diagnostics that name private notes: it must never be committed, whatever the garden's .gitignore says.
        var ignore = Path.Combine(folder, ".gitignore");
        if (!File.Exists(ignore)) File.WriteAllText(ignore, "# SiteGen's build cache: safe to delete, never to commit.\n*\n");
        var saved = new Saved(
            FormatVersion,
            Tool,
            _ids.OrderBy(p => p.Key).ToDictionary(p => Hex(p.Key), p => p.Value.Order(StringComparer.Ordinal).ToList()),
            _compiled.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => new SavedCompiled(
                Hex(p.Value.NoteKey), Hex(p.Value.LinksKey), p.Value.Loaded.ToDictionary(l => l.Path, l => Hex(l.Key)), p.Value.Note)),
            Outputs is { } outputs ? new SavedOutputs(outputs.Folder, outputs.Files.ToDictionary(f => f.Key, f => new SavedOutput(Hex(f.Value.Key), f.Value.UsesSiteLists))) : null,
            _sizes.ToDictionary(p => Hex(p.Key), p => new[] { p.Value.Raw, p.Value.Gzip }));
        var temp = Path.Combine(folder, FileName + ".tmp-" + Environment.ProcessId);
        using (var stream = File.Create(temp)) JsonSerializer.Serialize(stream, saved);
        File.Move(temp, Path.Combine(folder, FileName), overwrite: true);
    }

    private static string Hex(UInt128 key) => key.ToString("x32", CultureInfo.InvariantCulture);

    private static UInt128 Parse(string hex) => UInt128.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private sealed record Saved(int Version, string Tool, Dictionary<string, List<string>> Ids, Dictionary<string, SavedCompiled> Compiled, SavedOutputs? Outputs, Dictionary<string, long[]>? Sizes);

    private sealed record SavedCompiled(string NoteKey, string LinksKey, Dictionary<string, string> Loaded, CompiledNote Note);

    private sealed record SavedOutputs(string Folder, Dictionary<string, SavedOutput> Files);

    private sealed record SavedOutput(string Key, bool UsesSiteLists);
}

/// <summary>A compiled note and what it was compiled from.</summary>
internal sealed record CompiledEntry(UInt128 NoteKey, UInt128 LinksKey, IReadOnlyList<(string Path, UInt128 Key)> Loaded, CompiledNote Note);

/// <summary>The output folder a build left, and the key of each file in it.</summary>
internal sealed record OutputManifest(string Folder, IReadOnlyDictionary<string, OutputEntry> Files);

/// <param name="UsesSiteLists">Whether the page's templates read the site-wide note and tag lists, so that its key includes them.</param>
internal sealed record OutputEntry(UInt128 Key, bool UsesSiteLists);
