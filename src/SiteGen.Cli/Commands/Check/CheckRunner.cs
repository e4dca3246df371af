using System.Text.Json;
using SiteGen.Configuration;
using SiteGen.Diagnostics;

namespace SiteGen.Cli.Commands.Check;

/// <summary>Runs the pipeline without output and reports its findings as text lines or a JSON array on stdout.</summary>
public static class CheckRunner
{
    public static int Run(BuildOptions options, bool strict, bool json)
    {
        BuildResult result;
        try
        {
            result = SiteBuilder.Build(options);
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
            writer.WriteStartArray();
            foreach (var d in result.Diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                writer.WriteString("code", d.Code);
                writer.WriteString("message", d.Message);
                if (d.File is not null) writer.WriteString("file", d.File);
                if (d.Line > 0) writer.WriteNumber("line", d.Line);
                if (d.Column > 0) writer.WriteNumber("column", d.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        else
        {
            foreach (var d in result.Diagnostics) Console.Out.WriteLine(d.ToString());
            Console.Out.WriteLine($"{result.NotesPublished} public notes checked: {result.Errors} errors, {result.Warnings} warnings, {result.Infos} notices");
        }

        var failed = result.Errors > 0 || (strict && result.Warnings > 0);
        return failed ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}
