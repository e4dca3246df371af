using System.Globalization;
using SiteGen.Configuration;
using SiteGen.Incremental;
using SiteGen.Output;
using Spectre.Console;

namespace SiteGen.Cli.Commands.Build;

/// <summary>Runs a build, shows progress on a terminal, prints diagnostics and the summary, and maps the outcome to an exit code.</summary>
public static class BuildRunner
{
    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture);

    /// <param name="useCache">Reuse and update the build cache in the garden's <c>.sitegen/</c> folder.</param>
    public static int Run(BuildOptions options, bool quiet, bool timings = false, bool useCache = false)
    {
        try
        {
            var beforeBuild = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
            var root = Path.GetFullPath(options.Root);
            var cache = useCache && !options.DryRun && Directory.Exists(root) ? BuildCache.Load(root) : null;
            var result = ConsoleReporter.WithProgress(quiet, progress => SiteBuilder.Build(options with { Cache = cache }, progress));
            var saving = System.Diagnostics.Stopwatch.StartNew();
            cache?.Save(root);
            if (timings && cache is not null) result = result with { Timings = [.. result.Timings, new StageTiming("saving cache", saving.Elapsed, TimeSpan.Zero, 0, GC.GetTotalMemory(false))] };
            ConsoleReporter.Diagnostics(result.Diagnostics, quiet);
            var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            var summary = $"{result.NotesPublished} notes published, {result.PrivateSkipped} private skipped, {result.Pages} pages, {result.Tags} tags, {result.UnresolvedLinks} unresolved links, search index {Megabytes(result.SearchIndexBytes)} MB ({Megabytes(result.SearchIndexGzipBytes)} MB gzip), {result.Warnings} warnings, {result.Errors} errors in {seconds} s" + (result.FilesReused > 0 ? $" ({result.FilesReused} files reused from the last build)" : "");
            if (timings)
            {
                static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
                // The runtime's start and command-line parsing come before the first stage; with it the lines add up to the process's wall time.
                Console.Error.WriteLine($"timing {"start-up",-14} {Ms(beforeBuild),7} ms");
                foreach (var t in result.Timings)
                {
                    Console.Error.WriteLine($"timing {t.Stage,-14} {Ms(t.Elapsed),7} ms  cpu {Ms(t.Cpu),7} ms  allocated {t.AllocatedBytes / 1_000_000,6} MB  heap {t.HeapBytes / 1_000_000,5} MB");
                    // Parts run in parallel from the start of their stage (the theme's templates load alongside the
                    // vault and the notes), or are spread through it (code highlighting in the content stage): their
                    // times overlap, and the stages' lines alone add up to the whole.
                    foreach (var part in t.Parts)
                    {
                        Console.Error.WriteLine(part.Elapsed == TimeSpan.Zero
                            ? $"timing   {part.Stage,-12} {Ms(part.Cpu),7} ms  summed over threads, within the stage ({part.Items} items)"
                            : $"timing   {part.Stage,-12} {Ms(part.Elapsed),7} ms  (in parallel from here)");
                    }
                }
                Console.Error.WriteLine($"timing gc: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, paused {Ms(GC.GetTotalPauseDuration())} ms, {GC.GetTotalAllocatedBytes() / 1_000_000} MB allocated");
            }
            if (result.Succeeded)
            {
                Console.Out.WriteLine($"Built {result.OutputFolder}: {summary}");
                return ExitCodes.Success;
            }
            Console.Out.WriteLine($"Build failed, the previous site is kept: {summary}");
            return ExitCodes.ContentErrors;
        }
        catch (Exception e) when (e is ConfigException or OutputException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"internal error: {e}");
            return ExitCodes.Internal;
        }
    }
}
