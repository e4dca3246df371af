using SiteGen.Configuration;
using SiteGen.Vault;

namespace SiteGen.Notes;

/// <summary>
/// Which of today's public notes were not public at the last commit: the publish rules applied to each file as
/// <c>git show HEAD:path</c> gives it. This is what a push is about to publish for the first time.
/// </summary>
public static class PublishHistory
{
    /// <param name="contentRoot">The content folder.</param>
    /// <param name="publicNotes">Content-relative paths of the notes public now.</param>
    /// <returns>The newly public ones, or none outside a git repository.</returns>
    public static IReadOnlyList<string> NewlyPublic(string contentRoot, IReadOnlyList<string> publicNotes, PublishMode mode)
    {
        if (GitCommand.Run(contentRoot, "rev-parse --verify -q HEAD") is null) return [];
        var newly = new List<string>();
        foreach (var path in publicNotes)
        {
            var before = GitCommand.Run(contentRoot, $"show \"HEAD:./{path.Replace("\"", "\\\"")}\"");
            var wasPublic = before is not null && PublishRules.IsPublic(FrontMatterReader.Read(before, path).FrontMatter, mode);
            if (!wasPublic) newly.Add(path);
        }
        return newly;
    }
}
