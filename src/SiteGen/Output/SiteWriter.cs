using System.Collections.Concurrent;

namespace SiteGen.Output;

/// <summary>
/// The Output stage: a build writes each file into a fresh staging folder beside the output folder as soon as it is
/// produced (so the site is never held in memory), and <see cref="Commit"/> swaps staging in with renames.
/// Disposing without a commit deletes staging, so a build that fails or is killed leaves the previous site as it was.
/// </summary>
public sealed class SiteWriter : IDisposable
{
    /// <summary>Marks a folder as SiteGen's, so SiteGen only ever deletes or replaces folders it made.</summary>
    public const string MarkerFile = ".sitegen";
    private const string MarkerText = "This folder is written by SiteGen and replaced on every build.\n";
    private const string StagingInfix = ".staging-";
    private const string OldInfix = ".old-";

    private readonly string _output;
    private readonly string? _staging;
    private readonly ConcurrentDictionary<string, string> _claims = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _collisions = [];
    private bool _committed;

    private SiteWriter(string output, string? staging)
    {
        _output = output;
        _staging = staging;
    }

    /// <summary>Files accepted so far.</summary>
    public int Count => _claims.Count;

    /// <summary>Paths claimed twice so far, each naming both sources, in ordinal order.</summary>
    public IReadOnlyList<string> Collisions => _collisions.Order(StringComparer.Ordinal).ToList();

    /// <summary>HTML pages accepted so far.</summary>
    public int Pages => _claims.Keys.Count(p => p.EndsWith(".html", StringComparison.Ordinal));

    /// <summary>Starts a build's output. With <paramref name="dryRun"/> nothing touches the disk; paths are still claimed and checked.</summary>
    public static SiteWriter Begin(string output, bool dryRun = false)
    {
        var full = Trim(Path.GetFullPath(output));
        if (dryRun) return new SiteWriter(full, null);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, name);
        var staging = Path.Combine(parent, "." + name + StagingInfix + $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16]);
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, MarkerFile), MarkerText);
        return new SiteWriter(full, staging);
    }

    /// <summary>Claims the file's path and writes it. Thread-safe. A path claimed twice is recorded and fails the commit.</summary>
    public void Add(SiteFile file)
    {
        var target = Resolve(_staging ?? _output, file.Path);
        if (!_claims.TryAdd(file.Path, file.Origin))
        {
            var pair = new[] { file.Origin, _claims[file.Path] }.Order(StringComparer.Ordinal).ToArray();
            _collisions.Add($"{pair[0]} and {pair[1]} both write '{file.Path}'");
            return;
        }
        if (_staging is null) return;
        var folder = Path.GetDirectoryName(target)!;
        if (_folders.TryAdd(folder, true)) Directory.CreateDirectory(folder);
        if (file.Content is { } bytes) File.WriteAllBytes(target, bytes);
        else File.Copy(file.CopyFrom!, target);
    }

    public void AddRange(IEnumerable<SiteFile> files)
    {
        foreach (var file in files) Add(file);
    }

    /// <summary>Swaps the staged site in. Throws <see cref="SiteCollisionException"/>, naming both sources, when two files claimed one path.</summary>
    public void Commit()
    {
        if (!_collisions.IsEmpty) throw new SiteCollisionException(_collisions.Order(StringComparer.Ordinal).ToList());
        if (_staging is null) return;
        var parent = Path.GetDirectoryName(_output)!;
        var name = Path.GetFileName(_output);
        if (!Directory.Exists(_output))
        {
            Directory.Move(_staging, _output);
        }
        else
        {
            var old = Path.Combine(parent, "." + name + OldInfix + Path.GetFileName(_staging)[(name.Length + 1 + StagingInfix.Length)..]);
            Directory.Move(_output, old);
            try
            {
                Directory.Move(_staging, _output);
            }
            catch
            {
                Directory.Move(old, _output);
                throw;
            }
            TryDelete(old);
        }
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && _staging is not null) TryDelete(_staging);
    }

    /// <summary>Refuses an output folder that is, contains or lies inside the content or garden folder, a root or home folder, or someone else's folder.</summary>
    public static void CheckOutputFolder(string output, string contentRoot, string gardenRoot)
    {
        var full = Trim(Path.GetFullPath(output));
        var content = Trim(Path.GetFullPath(contentRoot));
        var garden = Trim(Path.GetFullPath(gardenRoot));
        var home = Trim(Path.GetFullPath(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } h ? h : "/"));
        if (full == Trim(Path.GetPathRoot(full) ?? "/") || full == home)
            throw new OutputException($"refusing to write the site to '{output}': it is a root or home folder");
        if (full == content || IsInside(full, content) || IsInside(content, full))
            throw new OutputException($"refusing to write the site to '{output}': it is, contains or lies inside the content folder");
        if (full == garden || IsInside(garden, full))
            throw new OutputException($"refusing to write the site to '{output}': it is or contains the garden folder");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, MarkerFile)))
            throw new OutputException($"refusing to replace '{output}': it is not empty and was not written by SiteGen (no {MarkerFile} file)");
        if (File.Exists(full))
            throw new OutputException($"refusing to write the site to '{output}': it is a file");
    }

    /// <summary>Builds the target from checked segments and verifies that it lies inside <paramref name="root"/>.</summary>
    internal static string Resolve(string root, string relative)
    {
        var segments = relative.Split('/');
        if (relative.Length == 0 || segments.Any(s => s is "" or "." or ".." || s.IndexOfAny(['\\', '\0', ':']) >= 0))
            throw new InvalidOperationException($"refusing to write an unsafe site path '{relative}'");
        var target = Path.GetFullPath(Path.Combine([root, .. segments]));
        if (!IsInside(target, root)) throw new InvalidOperationException($"refusing to write '{relative}' outside the site");
        return target;
    }

    /// <summary>Staging and old folders of builds that were killed, recognised by name and our marker.</summary>
    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, "." + name + ".*"))
        {
            var leaf = Path.GetFileName(dir);
            if ((leaf.Contains(StagingInfix, StringComparison.Ordinal) || leaf.Contains(OldInfix, StringComparison.Ordinal))
                && (File.Exists(Path.Combine(dir, MarkerFile)) || !Directory.EnumerateFileSystemEntries(dir).Any()))
                TryDelete(dir);
        }
    }

    /// <summary>
    /// Deletes one of our folders with its marker last, so a deletion cut short by a kill leaves a folder that the
    /// next build still recognises as ours and finishes removing.
    /// </summary>
    private static void TryDelete(string dir)
    {
        try
        {
            if (!Directory.Exists(dir)) return;
            foreach (var sub in Directory.EnumerateDirectories(dir)) Directory.Delete(sub, recursive: true);
            foreach (var file in Directory.EnumerateFiles(dir))
                if (Path.GetFileName(file) != MarkerFile) File.Delete(file);
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static bool IsInside(string path, string root) =>
        path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Trim(string path) => path.Length > 1 ? path.TrimEnd(Path.DirectorySeparatorChar) : path;
}
