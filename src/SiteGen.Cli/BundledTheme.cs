namespace SiteGen.Cli;

/// <summary>The default theme shipped beside the executable, used when a garden has no theme folder.</summary>
public static class BundledTheme
{
    public static string? Path =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "site-template") is var dir && Directory.Exists(dir) ? dir : null;
}
