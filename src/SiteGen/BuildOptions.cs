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
}
