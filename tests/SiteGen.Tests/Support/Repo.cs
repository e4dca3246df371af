namespace SiteGen.Tests.Support;

/// <summary>Locates the repository from the test binaries, for the default theme and the example garden.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Theme => Path.Combine(Root, "site-template");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SiteGen.sln not found above " + AppContext.BaseDirectory);
    }
}
