using System.Diagnostics;
using System.Reflection.PortableExecutable;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Workflows;

/// <summary>SiteGen as a dotnet tool (packed, installed from the local package only, and used on a new garden with no theme folder) and published for this machine.</summary>
public sealed class ToolTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void The_packed_tool_installs_offline_and_builds_a_new_garden_with_its_bundled_theme() => InNewFolder("sitegen-tool-", work =>
    {
        var packages = Path.Combine(work, "packages");
        Run("dotnet", $"pack \"{Path.Combine(Repo.Root, "src", "SiteGen.Cli")}\" -c Release -o \"{packages}\"", Repo.Root);
        // Only the local folder as a package source: the install must not need the network.
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"<configuration><packageSources><clear /><add key=\"local\" value=\"{packages}\" /></packageSources></configuration>");
        var tools = Path.Combine(work, "tools");
        Run("dotnet", $"tool install sitegen --version 0.1.0 --tool-path \"{tools}\" --configfile \"{Path.Combine(work, "nuget.config")}\"", work);
        var sitegen = Path.Combine(tools, "sitegen");

        Assert.Equal("0.1.0", Run(sitegen, "--version", work).Trim());
        var garden = Path.Combine(work, "garden");
        Run(sitegen, $"init \"{garden}\"", work);
        Assert.False(Directory.Exists(Path.Combine(garden, "site-template")));
        Assert.Contains("notes published", Run(sitegen, $"build \"{garden}\"", work));
        Assert.True(File.Exists(Path.Combine(garden, "_site", "index.html")));
        Assert.True(File.Exists(Path.Combine(garden, "_site", "assets", "style.css")));
        Assert.True(File.Exists(Path.Combine(garden, "_site", "assets", "lunr.min.js")));
        Assert.True(File.Exists(Path.Combine(garden, "_site", "how-this-garden-works", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(garden, "_site", "private-scratchpad")));
    });

    [Fact]
    [Trait("Category", "Slow")]
    public void Published_for_this_machine_the_assemblies_carry_ReadyToRun_code_and_build_a_garden() => InNewFolder("sitegen-publish-", work =>
    {
        // What compare-hugo.sh times: the CLI published for the current runtime, framework-dependent.
        var bin = Path.Combine(work, "bin");
        Run("dotnet", $"publish \"{Path.Combine(Repo.Root, "src", "SiteGen.Cli")}\" -c Release --use-current-runtime --self-contained false -o \"{bin}\"", Repo.Root);
        foreach (var assembly in new[] { "sitegen.dll", "SiteGen.Library.dll", "Markdig.dll", "Scriban.Signed.dll", "TextMateSharp.dll" })
        {
            using var pe = new PEReader(File.OpenRead(Path.Combine(bin, assembly)));
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} holds no ReadyToRun code");
        }

        var garden = Path.Combine(work, "garden");
        var sitegen = Path.Combine(bin, "sitegen.dll");
        Run("dotnet", $"\"{sitegen}\" init \"{garden}\"", work);
        Assert.Contains("notes published", Run("dotnet", $"\"{sitegen}\" build \"{garden}\"", work));
        Assert.True(File.Exists(Path.Combine(garden, "_site", "how-this-garden-works", "index.html")));
    });

    private static void InNewFolder(string prefix, Action<string> test)
    {
        var work = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            test(work);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Run(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {arguments}\n{output}\n{error.Result}");
        return output;
    }
}
