using System.Text;
using SiteGen.Diagnostics;

namespace SiteGen.Vault;

/// <summary>
/// First and last commit dates of every file in the content folder, from ONE <c>git log</c> pass over the
/// repository with renames followed. Empty when the folder is not in a git repository or git is missing.
/// </summary>
public static class GitHistory
{
    public sealed record FileDates(DateTimeOffset First, DateTimeOffset Last);

    /// <returns>Dates by content-relative, NFC, '/'-separated path.</returns>
    public static IReadOnlyDictionary<string, FileDates> Read(string contentRoot, DiagnosticBag diagnostics)
    {
        var top = GitCommand.Run(contentRoot, "rev-parse --show-toplevel")?.Trim();
        if (string.IsNullOrEmpty(top)) return new Dictionary<string, FileDates>();
        if (GitCommand.Run(contentRoot, "rev-parse --is-shallow-repository")?.Trim() == "true")
            diagnostics.Warn("SG0111", "the repository is a shallow clone, so dates from git history are wrong; check out with full history (fetch-depth: 0)");
        var log = GitCommand.Run(top, "log -z -M --no-color --name-status --format=%x01%ct");
        if (log is null) return new Dictionary<string, FileDates>();

        var prefix = Path.GetRelativePath(Path.GetFullPath(top), Path.GetFullPath(contentRoot)).Replace('\\', '/');
        prefix = prefix == "." ? "" : prefix.TrimEnd('/') + "/";
        return Parse(log, prefix);
    }

    /// <summary>Walks the log newest first; a rename makes older entries of the old path count for the file's current path.</summary>
    internal static Dictionary<string, FileDates> Parse(string log, string prefix)
    {
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        var renamedTo = new Dictionary<string, string>(StringComparer.Ordinal);
        string Current(string path) => renamedTo.TryGetValue(path, out var now) ? now : path;
        void Record(string path, long time)
        {
            if (!last.ContainsKey(path)) last[path] = time;
            first[path] = time;
        }

        var tokens = log.Split('\0');
        long commitTime = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i].Trim('\n');
            if (token.Length == 0) continue;
            if (token[0] == '\u0001')
            {
                var header = token[1..];
                var newline = header.IndexOf('\n');
                commitTime = long.Parse(newline < 0 ? header : header[..newline], System.Globalization.CultureInfo.InvariantCulture);
                if (newline >= 0 && header[(newline + 1)..].Trim('\n') is { Length: > 0 } status) token = status;
                else continue;
            }
            if (token[0] is 'R' or 'C' && i + 2 < tokens.Length)
            {
                var (from, to) = (tokens[i + 1], tokens[i + 2]);
                i += 2;
                var current = Current(to);
                Record(current, commitTime);
                if (token[0] == 'R') renamedTo[from] = current;
                continue;
            }
            if (i + 1 < tokens.Length)
            {
                Record(Current(tokens[i + 1]), commitTime);
                i += 1;
            }
        }

        var dates = new Dictionary<string, FileDates>(StringComparer.Ordinal);
        foreach (var (path, time) in last)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var relative = path[prefix.Length..].Normalize(NormalizationForm.FormC);
            dates[relative] = new FileDates(DateTimeOffset.FromUnixTimeSeconds(first[path]), DateTimeOffset.FromUnixTimeSeconds(time));
        }
        return dates;
    }
}
