namespace SiteGen.Cli;

/// <summary>CI=true: logs may be public, so private notes are named by hash.</summary>
public static class CiMode
{
    public static bool IsOn => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
