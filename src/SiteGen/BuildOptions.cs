namespace SiteGen;

/// <summary>What to build and how. Paths may be relative to the current folder.</summary>
public sealed record BuildOptions
{
    /// <summary>The garden root: the folder holding <c>sitegen.yml</c>.</summary>
    public required string Root { get; init; }
    public string? Output { get; init; }
    public string? BaseUrl { get; init; }
    public string? ConfigFile { get; init; }

    /// <summary>The theme used when the garden has no theme folder; the CLI passes the one it ships with.</summary>
    public string? BundledTheme { get; init; }

    /// <summary>Only for <c>serve --drafts</c>.</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>Name private notes by a short hash in diagnostics (CI logs of public repositories are public).</summary>
    public bool HidePrivateNames { get; init; }

    /// <summary>Run every stage but write nothing (<c>check</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>Work earlier builds did, to reuse; the build updates it. <c>build</c> keeps it in the garden's <c>.sitegen/</c>, <c>serve</c> in memory.</summary>
    public Incremental.BuildCache? Cache { get; init; }

    /// <summary>
    /// Update the output folder in place, writing only the files that changed, instead of swapping in a whole new
    /// folder. For <c>serve</c>'s private folder: a build that fails still changes nothing, but a kill mid-commit can.
    /// </summary>
    public bool InPlace { get; init; }

    /// <summary>
    /// In place only: called once the build has put every file but the search index in place, with no errors, so a
    /// preview can reload while the index (whose every term weight changes with any note) is still being made. It is
    /// given the site paths changed so far.
    /// </summary>
    public Action<IReadOnlyCollection<string>>? PagesCommitted { get; init; }
}
