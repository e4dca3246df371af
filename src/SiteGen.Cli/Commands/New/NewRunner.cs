using System.Globalization;
using SiteGen.Configuration;
using SiteGen.Diagnostics;

namespace SiteGen.Cli.Commands.New;

/// <summary>Writes a new private note. The title becomes the file name, so it is checked like a path segment.</summary>
public static class NewRunner
{
    private const string DefaultTemplate = "templates/note.md";

    public static int Run(string root, string title, string? folder, string? template)
    {
        var garden = Path.GetFullPath(root);
        SiteConfig config;
        try
        {
            config = ConfigLoader.Load(Path.Combine(garden, ConfigLoader.FileName), ConfigLoader.FileName, new DiagnosticBag());
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        var name = title.Trim();
        if (!IsSafeSegment(name) || (folder is not null && !folder.Replace('\\', '/').Split('/').All(IsSafeSegment)))
        {
            Console.Error.WriteLine("error: the title and folder must be plain names: no '..', '/', '\\', ':' or control characters");
            return ExitCodes.Usage;
        }
        var content = Path.Combine(garden, config.Content);
        var path = Path.Combine(folder is null ? content : Path.Combine(content, folder), name + ".md");
        if (File.Exists(path))
        {
            Console.Error.WriteLine($"error: '{Path.GetRelativePath(garden, path)}' exists already; nothing was written");
            return ExitCodes.ContentErrors;
        }

        // The one place the clock is read: a new note is created today.
        var today = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var templatePath = Path.Combine(garden, template ?? DefaultTemplate);
        string text;
        if (File.Exists(templatePath))
        {
            text = File.ReadAllText(templatePath).Replace("{{title}}", name, StringComparison.Ordinal).Replace("{{date}}", today, StringComparison.Ordinal);
            if (!text.StartsWith("---", StringComparison.Ordinal)) text = $"---\npublish: false\ncreated: {today}\ntags: []\n---\n" + text;
        }
        else if (template is not null)
        {
            Console.Error.WriteLine($"error: the template '{template}' does not exist");
            return ExitCodes.Usage;
        }
        else
        {
            text = $"---\ntitle: {Quote(name)}\npublish: false\ncreated: {today}\ntags: []\n---\n\n";
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        Console.Out.WriteLine($"created  {Path.GetRelativePath(garden, path)} (private until you set publish: true)");
        return ExitCodes.Success;
    }

    private static bool IsSafeSegment(string segment) =>
        segment.Length > 0 && segment is not "." and not ".." && segment.IndexOfAny(['/', '\\', ':', '\0']) < 0 && !segment.Any(char.IsControl) && !Path.IsPathRooted(segment);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
