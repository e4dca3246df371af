using System.Collections.Concurrent;
using SiteGen.Incremental;

namespace SiteGen.Output;

/// <summary>
/// The Output stage. A build writes each file into a fresh staging folder beside the output folder as soon as it is
/// produced (so the site is never held in memory), and <see cref="Commit"/> swaps staging in with renames.
/// Disposing without a commit deletes staging, so a build that fails or is killed leaves the previous site as it was.
/// Every file carries a key, a hash of what it was made from; a file whose key matches the previous build's is copied
/// from the previous site instead of being made again (<see cref="TryReuse"/>).
/// <c>serve</c> writes <see cref="BeginInPlace">in place</see>: only changed files are staged, and the commit moves
/// them over the old ones and deletes the files this build no longer makes.
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
    private readonly bool _inPlace;
    private readonly OutputManifest? _previous;
    private readonly bool _keyed;
    private readonly ConcurrentDictionary<string, string> _claims = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, OutputEntry> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _collisions = [];
    private readonly ConcurrentQueue<string> _changed = [];
    private int _written;
    private int _reused;
    private bool _committed;

    private SiteWriter(string output, string? staging, bool inPlace, OutputManifest? previous, bool keyed)
    {
        _output = output;
        _staging = staging;
        _inPlace = inPlace;
        _keyed = keyed;
        // The previous manifest describes this output folder only if the folder is still the one it was written for.
        _previous = previous is not null && previous.Folder == output && File.Exists(Path.Combine(output, MarkerFile)) ? previous : null;
    }

    /// <summary>In place: the site paths moved into the output folder or deleted from it so far.</summary>
    internal IReadOnlyCollection<string> Changed => _changed.ToArray();

    /// <summary>Files accepted so far.</summary>
    public int Count => _claims.Count;

    /// <summary>Files written so far: made, or in place changed.</summary>
    public int Written => _written;

    /// <summary>Files taken from the previous build instead of being made again.</summary>
    public int Reused => _reused;

    /// <summary>Paths claimed twice so far, each naming both sources, in ordinal order.</summary>
    public IReadOnlyList<string> Collisions => _collisions.Order(StringComparer.Ordinal).ToList();

    /// <summary>HTML pages accepted so far.</summary>
    public int Pages => _claims.Keys.Count(p => p.EndsWith(".html", StringComparison.Ordinal));

    /// <summary>The key of every file accepted, for the next build to compare against.</summary>
    internal OutputManifest Manifest => new(_output, new Dictionary<string, OutputEntry>(_keys, StringComparer.Ordinal));

    /// <summary>Starts a build's output. With <paramref name="dryRun"/> nothing touches the disk; paths are still claimed and checked.</summary>
    /// <param name="keyed">Whether files are keyed for a build cache (see <see cref="Keyed"/>).</param>
    internal static SiteWriter Begin(string output, bool dryRun, OutputManifest? previous, bool keyed)
    {
        var full = Trim(Path.GetFullPath(output));
        if (dryRun) return new SiteWriter(full, null, false, null, false);
        return new SiteWriter(full, CreateStaging(full), false, previous, keyed);
    }

    public static SiteWriter Begin(string output, bool dryRun = false) => Begin(output, dryRun, null, false);

    /// <summary>
    /// Whether the files' keys are wanted, for a build cache's <see cref="Manifest"/> or to reuse the previous build's
    /// files. When not, callers can skip working keys out, and the writer ignores them.
    /// </summary>
    internal bool Keyed => _keyed;

    /// <summary>Starts an update of <paramref name="output"/> in place, from the manifest of the build that wrote it.</summary>
    internal static SiteWriter BeginInPlace(string output, OutputManifest? previous)
    {
        var full = Trim(Path.GetFullPath(output));
        var writer = new SiteWriter(full, CreateStaging(full), true, previous, true);
        if (writer._previous is null && Directory.Exists(full))
        {
            // Nothing is known about what is there: start from an empty folder, as a full build would.
            TryDelete(full);
            if (Directory.Exists(full)) throw new IOException($"could not empty '{full}'");
        }
        return writer;
    }

    private static string CreateStaging(string full)
    {
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, name);
        var staging = Path.Combine(parent, "." + name + StagingInfix + $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16]);
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, MarkerFile), MarkerText);
        return staging;
    }

    /// <summary>
    /// Accepts the file at <paramref name="path"/> without making it, when the previous build made it from the same
    /// inputs (<paramref name="key"/>) and it is still there. Returns false when the caller must make it.
    /// </summary>
    internal bool TryReuse(string path, string origin, UInt128 key)
    {
        if (!CanReuse(path, key)) return false;
        var entry = _previous!.Files[path];
        var source = Resolve(_output, path);
        if (!Claim(path, origin)) return true;
        _keys[path] = entry;
        if (!_inPlace) File.Copy(source, Target(path));
        Interlocked.Increment(ref _reused);
        return true;
    }

    /// <summary>Whether <see cref="TryReuse"/> would take the previous build's file.</summary>
    internal bool CanReuse(string path, UInt128 key) =>
        _previous is not null && _previous.Files.TryGetValue(path, out var entry) && entry.Key == key && File.Exists(Resolve(_output, path));

    /// <summary>Whether the previous build's page at <paramref name="path"/> read the site-wide lists (see <see cref="OutputEntry"/>).</summary>
    internal bool PreviouslyUsedSiteLists(string path) => _previous?.Files.TryGetValue(path, out var entry) == true && entry.UsesSiteLists;

    /// <summary>Claims the file's path and writes it. Thread-safe. A path claimed twice is recorded and fails the commit.</summary>
    public void Add(SiteFile file) => Add(file, null);

    /// <param name="key">What the file was made from; by default, a hash of its bytes (or of the copied file's name, size and time).</param>
    /// <param name="usesSiteLists">For pages: see <see cref="OutputEntry"/>.</param>
    internal void Add(SiteFile file, UInt128? key, bool usesSiteLists = false)
    {
        if (file.Content is { } bytes)
        {
            Add(file.Path, file.Origin, key, usesSiteLists, bytes);
            return;
        }
        if (Prepare(file.Path, file.Origin, () => key ?? CopyKey(file.CopyFrom!), usesSiteLists) is not { } target) return;
        File.Copy(file.CopyFrom!, target);
        Interlocked.Increment(ref _written);
    }

    /// <summary>Claims <paramref name="path"/> and writes <paramref name="content"/>, which the caller may reuse afterwards (see <see cref="Add(SiteFile, UInt128?, bool)"/>).</summary>
    internal void Add(string path, string origin, UInt128? key, bool usesSiteLists, ReadOnlySpan<byte> content)
    {
        // The span cannot be captured for a key made later, so an unkeyed writer never asks for one.
        var made = key ?? (_keyed ? KeyBuilder.Of(content) : default);
        if (Prepare(path, origin, () => made, usesSiteLists) is not { } target) return;
        // No preallocation size: a file written in one call gains nothing from it but a fallocate call (0.1 s at 10k notes).
        // CreateNew, as staging is fresh and each path is claimed once: for Create, .NET truncates the file after
        // locking it, and ext4 takes a truncate to zero for a rewrite in place, which it flushes to disk on close.
        using (var handle = File.OpenHandle(target, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            RandomAccess.Write(handle, content, 0);
        Interlocked.Increment(ref _written);
    }

    /// <summary>
    /// Claims <paramref name="path"/> and lets <paramref name="write"/> stream the file straight to disk, for large
    /// files that should never be held whole in memory. Only made when <paramref name="key"/> is new.
    /// </summary>
    internal void Add(string path, string origin, UInt128 key, Action<Stream> write)
    {
        if (Prepare(path, origin, () => key, false) is not { } target) return;
        // A small buffer: the writers hand over large pieces, which pass it by.
        using (var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096))
            write(stream);
        Interlocked.Increment(ref _written);
    }

    /// <summary>
    /// Checks and claims the path and records the file's key. Returns where to write it, or null when nothing is to
    /// be written: a dry run, a collision, or an in-place update whose file is already there with this key.
    /// </summary>
    private string? Prepare(string path, string origin, Func<UInt128> key, bool usesSiteLists)
    {
        Resolve(_staging ?? _output, path);
        if (!Claim(path, origin) || _staging is null) return null;
        if (!_keyed) return Target(path);
        var entry = new OutputEntry(key(), usesSiteLists);
        _keys[path] = entry;
        return _inPlace && CanReuse(path, entry.Key) ? null : Target(path);
    }

    public void AddRange(IEnumerable<SiteFile> files)
    {
        foreach (var file in files) Add(file);
    }

    private bool Claim(string path, string origin)
    {
        if (_claims.TryAdd(path, origin)) return true;
        var pair = new[] { origin, _claims[path] }.Order(StringComparer.Ordinal).ToArray();
        _collisions.Add($"{pair[0]} and {pair[1]} both write '{path}'");
        return false;
    }

    private string Target(string path)
    {
        var target = Resolve(_staging!, path);
        var folder = Path.GetDirectoryName(target)!;
        // Marked as made only once it exists: another thread may be about to write into it.
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, true);
        }
        return target;
    }

    private static UInt128 CopyKey(string source)
    {
        var info = new FileInfo(source);
        return new KeyBuilder().Add(info.FullName).Add(info.Length).Add(info.LastWriteTimeUtc.Ticks).Build();
    }

    /// <summary>Swaps the staged site in. Throws <see cref="SiteCollisionException"/>, naming both sources, when two files claimed one path.</summary>
    public void Commit()
    {
        if (!_collisions.IsEmpty) throw new SiteCollisionException(_collisions.Order(StringComparer.Ordinal).ToList());
        if (_staging is null) return;
        if (_inPlace)
        {
            CommitInPlace();
            return;
        }
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

    /// <summary>In place only: moves the files staged so far into the output folder; <see cref="Commit"/> finishes.</summary>
    internal void CommitSoFar()
    {
        if (!_inPlace || _staging is null) throw new InvalidOperationException("only an in-place build commits in parts");
        if (!_collisions.IsEmpty) throw new SiteCollisionException(_collisions.Order(StringComparer.Ordinal).ToList());
        MoveStaged();
    }

    private void CommitInPlace()
    {
        MoveStaged();
        foreach (var path in _previous?.Files.Keys ?? [])
        {
            if (_keys.ContainsKey(path)) continue;
            var stale = Resolve(_output, path);
            File.Delete(stale);
            _changed.Enqueue(path);
            for (var folder = Path.GetDirectoryName(stale)!; folder != _output && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder)!)
                Directory.Delete(folder);
        }
        TryDelete(_staging!);
        _committed = true;
    }

    private void MoveStaged()
    {
        Directory.CreateDirectory(_output);
        File.WriteAllText(Path.Combine(_output, MarkerFile), MarkerText);
        foreach (var staged in Directory.EnumerateFiles(_staging!, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(_staging!, staged).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == MarkerFile) continue;
            var target = Resolve(_output, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Made again but the same bytes (serve showed the page ahead of the rebuild): nothing changed for a reader.
            var same = File.Exists(target) && new FileInfo(target).Length == new FileInfo(staged).Length && File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(staged));
            File.Move(staged, target, overwrite: true);
            if (!same) _changed.Enqueue(relative);
        }
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
