
namespace SiteGen.Output;

/// <summary>
/// The Output stage: writes the site into a fresh staging folder beside the output folder, then swaps it in
/// with renames. A build that fails or is killed leaves the previous site as it was.
/// </summary>
public static class SiteWriter
{
    /// <summary>Marks a folder as SiteGen's, so SiteGen only ever deletes or replaces folders it made.</summary>
    public const string MarkerFile = ".sitegen";
    private const string MarkerText = "This folder is written by SiteGen and replaced on every build.\n";
    private const string StagingInfix = ".staging-";
    private const string OldInfix = ".old-";

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

    /// <summary>Checks every file, writes them to staging, and swaps staging in. Throws <see cref="SiteCollisionException"/> before writing when two files claim one path.</summary>
    public static void Write(string output, IReadOnlyList<SiteFile> files)
    {
        CheckCollisions(files);
        var full = Trim(Path.GetFullPath(output));
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, name);

        var id = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16];
        var staging = Path.Combine(parent, "." + name + StagingInfix + id);
        try
        {
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, MarkerFile), MarkerText);
            var targets = files.Select(f => (File: f, Target: Resolve(staging, f.Path))).ToList();
            foreach (var dir in targets.Select(t => Path.GetDirectoryName(t.Target)!).Distinct(StringComparer.Ordinal))
                Directory.CreateDirectory(dir);
            Parallel.ForEach(targets, t =>
            {
                if (t.File.Content is { } bytes) File.WriteAllBytes(t.Target, bytes);
                else File.Copy(t.File.CopyFrom!, t.Target);
            });
            Swap(staging, full, parent, name, id);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    private static void Swap(string staging, string output, string parent, string name, string id)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }
        var old = Path.Combine(parent, "." + name + OldInfix + id);
        Directory.Move(output, old);
        try
        {
            Directory.Move(staging, output);
        }
        catch
        {
            Directory.Move(old, output);
            throw;
        }
        TryDelete(old);
    }

    private static void CheckCollisions(IReadOnlyList<SiteFile> files)
    {
        var seen = new Dictionary<string, SiteFile>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Origin, StringComparer.Ordinal))
        {
            if (seen.TryGetValue(file.Path, out var first))
                problems.Add($"{file.Origin} and {first.Origin} both write '{file.Path}'");
            else
                seen[file.Path] = file;
        }
        if (problems.Count > 0) throw new SiteCollisionException(problems);
    }

    /// <summary>Builds the target from checked segments and verifies that it lies inside the staging folder.</summary>
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

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
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
