using System.Globalization;
using SiteGen.Configuration;
using SiteGen.Output;
using Spectre.Console;

namespace SiteGen.Cli.Commands.Build;

/// <summary>Runs a build, shows progress on a terminal, prints diagnostics and the summary, and maps the outcome to an exit code.</summary>
public static class BuildRunner
{
    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture);

    public static int Run(BuildOptions options, bool quiet, bool timings = false)
    {
        try
        {
            var result = ConsoleReporter.WithProgress(quiet, progress => SiteBuilder.Build(options, progress));
            ConsoleReporter.Diagnostics(result.Diagnostics, quiet);
            var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            var summary = $"{result.NotesPublished} notes published, {result.PrivateSkipped} private skipped, {result.Pages} pages, {result.Tags} tags, {result.UnresolvedLinks} unresolved links, search index {Megabytes(result.SearchIndexBytes)} MB ({Megabytes(result.SearchIndexGzipBytes)} MB gzip), {result.Warnings} warnings, {result.Errors} errors in {seconds} s";
            if (timings)
                foreach (var (stage, elapsed) in result.Timings)
                    Console.Error.WriteLine($"timing {stage,-14} {elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),7} ms");
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
