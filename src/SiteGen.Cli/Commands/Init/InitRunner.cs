using System.Reflection;

namespace SiteGen.Cli.Commands.Init;

/// <summary>Writes the scaffold files that do not exist yet, from resources embedded in the tool.</summary>
public static class InitRunner
{
    private static readonly (string Resource, string Target)[] Files =
    [
        ("sitegen.yml", "sitegen.yml"),
        ("index.md", "content/index.md"),
        ("How this garden works.md", "content/How this garden works.md"),
        ("Private scratchpad.md", "content/Private scratchpad.md"),
        ("gitignore", ".gitignore"),
        ("publish.yml", ".github/workflows/publish.yml"),
    ];

    public static int Run(string dir)
    {
        var root = Path.GetFullPath(dir);
        var written = 0;
        foreach (var (resource, target) in Files)
        {
            var path = Path.Combine(root, target);
            if (File.Exists(path))
            {
                Console.Out.WriteLine($"kept     {target} (it exists)");
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var text = Read(resource).Replace("{{VERSION}}", ToolVersion, StringComparison.Ordinal);
            File.WriteAllText(path, text);
            Console.Out.WriteLine($"created  {target}");
            written++;
        }
        Console.Out.WriteLine(written > 0 ? $"Garden ready in {root}. Build it with: sitegen build \"{root}\"" : "Nothing to do: every file exists already.");
        return ExitCodes.Success;
    }

    /// <summary>The tool's own package version, so the workflow installs the same SiteGen that wrote it.</summary>
    public static string ToolVersion =>
        typeof(InitRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0";

    private static string Read(string name)
    {
        using var stream = typeof(InitRunner).Assembly.GetManifestResourceStream("Scaffold/" + name)
            ?? throw new InvalidOperationException($"the scaffold file '{name}' is missing from the tool");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
