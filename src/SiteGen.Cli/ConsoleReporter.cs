using SiteGen.Diagnostics;
using Spectre.Console;

namespace SiteGen.Cli;

/// <summary>Progress on a terminal (plain silence when output is redirected) and diagnostics on stderr.</summary>
public static class ConsoleReporter
{
    public static T WithProgress<T>(bool quiet, Func<IProgress<string>?, T> work)
    {
        if (quiet || Console.IsOutputRedirected || Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return work(null);
        var result = default(T)!;
        AnsiConsole.Status().Start("Building", context => result = work(new StatusProgress(context)));
        return result;
    }

    public static void Diagnostics(IReadOnlyList<Diagnostic> diagnostics, bool quiet)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (quiet && diagnostic.Severity != Severity.Error) continue;
            Console.Error.WriteLine(diagnostic.ToString());
        }
    }

    private sealed class StatusProgress(StatusContext context) : IProgress<string>
    {
        public void Report(string value) => context.Status($"Building: {Markup.Escape(value)}");
    }
}
