using System.Text;
using Microsoft.Extensions.FileSystemGlobbing;
using SiteGen.Configuration;
using SiteGen.Diagnostics;

namespace SiteGen.Vault;

/// <summary>
/// Lists the notes and attachments of the content folder: include globs pick notes, exclude globs always win,
/// and nothing reached through a symlink that leaves the content folder is read.
/// </summary>
public static class VaultLoader
{
    public static IReadOnlyList<VaultFile> Load(string contentRoot, SiteConfig config, DiagnosticBag diagnostics, string displayRoot)
    {
        var root = Path.GetFullPath(contentRoot);
        var realRoot = ResolveReal(root) ?? root;
        var found = new List<VaultFile>();
        Walk(root, realRoot, "", found, diagnostics, displayRoot);

        var include = new Matcher(StringComparison.OrdinalIgnoreCase);
        include.AddIncludePatterns(config.Include);
        var exclude = new Matcher(StringComparison.OrdinalIgnoreCase);
        exclude.AddIncludePatterns(config.Exclude);

        var files = new List<VaultFile>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in found.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (exclude.Match(file.Path).HasMatches) continue;
            if (file.IsNote && !include.Match(file.Path).HasMatches) continue;
            // Notes that share a normalised name are settled after the publish rules, so a private note can never
            // push a public one out (non-interference); attachments are settled here.
            if (!file.IsNote && !seen.TryAdd(file.Path, file.FullPath))
            {
                diagnostics.Warn("SG0102", "another file has the same name once Unicode-normalised; this one is skipped", Join(displayRoot, file.Path));
                continue;
            }
            files.Add(file);
        }
        return files;
    }

    private static void Walk(string dir, string realRoot, string relative, List<VaultFile> found, DiagnosticBag diagnostics, string displayRoot)
    {
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(dir).EnumerateFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warn("SG0103", $"folder cannot be read: {e.Message}", Join(displayRoot, relative));
            return;
        }
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var name = entry.Name.Normalize(NormalizationForm.FormC);
            var path = relative.Length == 0 ? name : relative + "/" + name;
            if (entry.LinkTarget is not null)
            {
                // Symlinked folders are never entered (loops, duplicates); symlinked files only when they stay inside.
                var real = entry is FileInfo ? ResolveReal(entry.FullName) : null;
                if (real is null || !IsInside(real, realRoot) || entry is DirectoryInfo)
                {
                    diagnostics.Warn("SG0101", "symlink skipped: it is a folder, dangling, or leaves the content folder", Join(displayRoot, path));
                    continue;
                }
                var target = new FileInfo(real);
                found.Add(new VaultFile(path, real, target.Length, target.LastWriteTimeUtc));
                continue;
            }
            switch (entry)
            {
                case DirectoryInfo sub:
                    Walk(sub.FullName, realRoot, path, found, diagnostics, displayRoot);
                    break;
                case FileInfo file:
                    found.Add(new VaultFile(path, file.FullName, file.Length, file.LastWriteTimeUtc));
                    break;
            }
        }
    }

    private static string? ResolveReal(string path)
    {
        try
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists && !Directory.Exists(target.FullName)) return null;
            return Path.GetFullPath(target.FullName);
        }
        catch (IOException)
        {
            return null;
        }
    }

    internal static bool IsInside(string path, string root)
    {
        var withSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(withSeparator, StringComparison.Ordinal);
    }

    private static string Join(string displayRoot, string path) => displayRoot.Length == 0 ? path : displayRoot + "/" + path;
}
