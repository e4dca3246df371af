using System.Diagnostics;

namespace SiteGen.Benchmarks;

/// <summary>Generates (once per size) a garden with gen_vault.py in the temp folder and returns its root.</summary>
internal static class BenchVault
{
    public static string Root(int notes)
    {
        var root = Path.Combine(Path.GetTempPath(), $"sitegen-bench-{notes}");
        if (File.Exists(Path.Combine(root, "sitegen.yml"))) return root;
        var repo = FindRepo();
        var script = Environment.GetEnvironmentVariable("SITEGEN_GEN_VAULT") ?? Path.Combine(repo, "..", "shared", "tools", "gen_vault.py");
        Directory.CreateDirectory(root);
        using var process = Process.Start(new ProcessStartInfo("python3", $"\"{script}\" --notes {notes} --seed bench --out \"{Path.Combine(root, "content")}\" --force"))!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("gen_vault.py failed");
        File.WriteAllText(Path.Combine(root, "sitegen.yml"), "title: Bench\nbaseUrl: https://garden.example.org/\n");
        return root;
    }

    public static string Theme => Path.Combine(FindRepo(), "site-template");

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SiteGen.sln not found");
    }
}
