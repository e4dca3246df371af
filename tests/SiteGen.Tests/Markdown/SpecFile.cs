namespace SiteGen.Tests.Markdown;

/// <summary>
/// Reads spec files in Markdig's format: a fence of 32 backticks followed by <c>example</c>, the markdown, a
/// line holding only <c>.</c>, the expected HTML, and the closing fence. <c>→</c> stands for a tab.
/// </summary>
internal static class SpecFile
{
    private static readonly string Fence = new('`', 32);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Specs");

    public static IReadOnlyList<SpecExample> Read(string fileName)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, fileName));
        var examples = new List<SpecExample>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != Fence + " example") continue;

            var startLine = i + 1;
            var markdown = new List<string>();
            var html = new List<string>();
            var target = markdown;
            for (i++; i < lines.Length && lines[i] != Fence; i++)
            {
                if (target == markdown && lines[i] == ".")
                {
                    target = html;
                    continue;
                }
                target.Add(lines[i].Replace('→', '\t'));
            }
            if (i >= lines.Length) throw new InvalidDataException($"{fileName}:{startLine}: example is not closed");
            if (target != html) throw new InvalidDataException($"{fileName}:{startLine}: example has no '.' line");

            examples.Add(new SpecExample(fileName, examples.Count + 1, startLine,
                string.Join('\n', markdown) + "\n", string.Join('\n', html)));
        }
        return examples;
    }
}
