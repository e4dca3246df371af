using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Tests.Support;

/// <summary>
/// A garden written inline as <c>-- path --</c> sections (Hugo's txtar style), built in a temp folder with the
/// repository's default theme. Paths are relative to the garden root; notes go under <c>content/</c>.
/// </summary>
internal sealed class TestGarden : IDisposable
{
    public string Root { get; }
    public string Output => Path.Combine(Root, "_site");

    private TestGarden(string root) => Root = root;

    public static TestGarden Create(string files)
    {
        var root = Path.Combine(Path.GetTempPath(), "sitegen-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(root, "content"));
        var garden = new TestGarden(root);
        garden.Write(files);
        return garden;
    }

    /// <summary>Adds or replaces files given as <c>-- path --</c> sections.</summary>
    public void Write(string files)
    {
        string? path = null;
        var body = new StringBuilder();
        var lines = files.Replace("\r\n", "\n").Split('\n');
        // A final newline ends the last line; it does not start another one.
        if (lines.Length > 0 && lines[^1].Length == 0) lines = lines[..^1];
        foreach (var line in lines)
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                Flush(path, body);
                path = line[3..^3];
                body.Clear();
                continue;
            }
            if (path is not null) body.Append(line).Append('\n');
        }
        Flush(path, body);
    }

    public void Delete(string path) => File.Delete(Path.Combine(Root, path));

    private void Flush(string? path, StringBuilder body)
    {
        if (path is null) return;
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, body.ToString());
        // Fixed file times keep dates, and so output bytes, independent of when the test wrote the file.
        File.SetLastWriteTimeUtc(full, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));
    }

    public BuildResult Build(string? output = null, bool hidePrivateNames = false) => SiteBuilder.Build(new BuildOptions
    {
        Root = Root,
        Output = output,
        BundledTheme = Repo.Theme,
        HidePrivateNames = hidePrivateNames,
    });

    public BuildResult BuildOk(string? output = null)
    {
        var result = Build(output);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    public IHtmlDocument Html(string sitePath, string? output = null)
    {
        var file = Path.Combine(output ?? Output, sitePath.TrimStart('/'));
        if (file.EndsWith('/') || Directory.Exists(file)) file = Path.Combine(file, "index.html");
        return new HtmlParser().ParseDocument(File.ReadAllText(file));
    }

    public bool Exists(string sitePath) => File.Exists(Path.Combine(Output, sitePath.TrimStart('/')));

    /// <summary>Every file of the site, relative, '/' separated, ordinal order.</summary>
    public static IReadOnlyList<string> Files(string site) =>
        Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Path and SHA-256 of every file: equal manifests mean byte-identical sites.</summary>
    public static IReadOnlyList<string> Manifest(string site) =>
        Files(site).Select(f => f + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(site, f))))).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
