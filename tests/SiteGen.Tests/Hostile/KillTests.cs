using System.Diagnostics;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Atomicity under SIGKILL: the build process is killed at random points; each time the previous site must be
/// byte-identical and the exit non-zero, and the next build must still succeed and leave no leftovers.
/// </summary>
public sealed class KillTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Killing_the_build_anywhere_leaves_the_previous_site_untouched()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_KILLS"), out var k) ? k : 100;
        var files = new System.Text.StringBuilder("-- sitegen.yml --\ntitle: Kill\n");
        for (var i = 0; i < 400; i++)
            files.Append($"-- content/f{i % 7}/Note {i}.md --\n---\npublish: {(i % 5 == 0 ? "false" : "true")}\ntags: [t{i % 13}, t{i % 13}/s{i % 3}]\nupdated: 2024-01-{1 + i % 28:00}\n---\n# Note {i}\n\n{string.Concat(Enumerable.Repeat($"Some words about [[Note {(i * 7) % 400}]] and #topic{i % 11}. ", 40))}\n\n## Part\n\nMore text ^b{i}\n");
        using var garden = TestGarden.Create(files.ToString());
        garden.BuildOk();
        var manifest = TestGarden.Manifest(garden.Output);

        // The first run fills the build cache that every later run finds, so the kill points are spread over a
        // warm build's time: measured over a cold one, most later builds would end before their kill.
        Assert.Equal(0, Run(garden, null).Code);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Run(garden, null).Code);
        var full = clock.Elapsed;
        Assert.Equal(manifest, TestGarden.Manifest(garden.Output));

        var random = new Random(20261128);
        var killed = 0;
        var swappedBeforeKill = 0;
        for (var i = 0; i < kills; i++)
        {
            // Each attempt would change the site, so an untouched site proves the swap did not happen.
            garden.Write($"-- content/f0/Note 0.md --\n---\npublish: true\n---\nedit {i}\n");
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * full.TotalMilliseconds * 0.9);
            var (code, finished) = Run(garden, delay);
            if (finished)
            {
                manifest = TestGarden.Manifest(garden.Output);
                continue;
            }
            killed++;
            Assert.NotEqual(0, code);
            var now = TestGarden.Manifest(garden.Output);
            if (now.SequenceEqual(manifest)) continue;
            // Killed after the swap: then the site must be the complete new one, never a mix.
            var fresh = Path.Combine(garden.Root, "fresh");
            garden.BuildOk(fresh);
            Assert.Equal(TestGarden.Manifest(fresh), now);
            Directory.Delete(fresh, recursive: true);
            manifest = now;
            swappedBeforeKill++;
        }
        output.WriteLine($"{killed} kills of {kills} attempts ({swappedBeforeKill} after the swap); a full build took {full.TotalMilliseconds:0} ms");
        Assert.True(killed >= kills * 0.8, $"only {killed} of {kills} attempts were killed before the build ended");

        Assert.Equal(0, Run(garden, null).Code);
        Assert.Empty(Directory.EnumerateDirectories(garden.Root, "._site.*"));
        Assert.Contains("edit", File.ReadAllText(Path.Combine(garden.Output, "f0", "note-0", "index.html")));
    }

    /// <summary>Runs <c>sitegen build</c>; with a delay, kills it (SIGKILL) then unless it ended first.</summary>
    private static (int Code, bool Finished) Run(TestGarden garden, TimeSpan? killAfter)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "sitegen.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{cli}\" build \"{garden.Root}\" --quiet") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            // SIGKILL gives 137: a 0 means the build exited on its own between the wait timing out and the kill.
            return (process.ExitCode, process.ExitCode == 0);
        }
        process.WaitForExit();
        return (process.ExitCode, true);
    }
}
