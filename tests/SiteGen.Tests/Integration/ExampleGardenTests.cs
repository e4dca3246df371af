using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Integration;

/// <summary>The repository's own garden (content/) builds cleanly, links soundly, and leaks none of its planted private markers.</summary>
public sealed class ExampleGardenTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "sitegen-example-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly BuildResult _result;

    public ExampleGardenTests()
    {
        _result = SiteBuilder.Build(new BuildOptions { Root = Repo.Root, Output = _output, BaseUrl = "https://example.org/garden/" });
    }

    [Fact]
    public void Builds_without_errors_and_publishes_every_public_note()
    {
        Assert.True(_result.Succeeded, string.Join("\n", _result.Diagnostics));
        Assert.True(_result.NotesPublished >= 15);
    }

    [Fact]
    public void Every_internal_link_and_fragment_resolves()
    {
        var parser = new HtmlParser();
        var broken = new List<string>();
        var documents = TestGarden.Files(_output).Where(f => f.EndsWith(".html", StringComparison.Ordinal))
            .ToDictionary(f => f, f => parser.ParseDocument(File.ReadAllText(Path.Combine(_output, f))));
        foreach (var (file, document) in documents)
        {
            foreach (var element in document.QuerySelectorAll("a[href], img[src], link[href], script[src], iframe[src], audio[src], video[src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (!url.StartsWith("/garden/", StringComparison.Ordinal) && !url.StartsWith('#')) continue;
                var hash = url.IndexOf('#');
                var path = hash >= 0 ? url[..hash] : url;
                var fragment = hash >= 0 ? Uri.UnescapeDataString(url[(hash + 1)..]) : null;
                var target = path.Length == 0 ? file : Uri.UnescapeDataString(path["/garden/".Length..]);
                if (target.Length == 0 || target.EndsWith('/')) target += "index.html";
                if (!File.Exists(Path.Combine(_output, target)))
                {
                    broken.Add($"{file}: {url} (no file)");
                    continue;
                }
                if (fragment is { Length: > 0 } && documents.TryGetValue(target, out var targetDocument) && targetDocument.GetElementById(fragment) is null)
                    broken.Add($"{file}: {url} (no element #{fragment})");
            }
        }
        Assert.Empty(broken);
    }

    [Fact]
    public void No_private_marker_appears_in_any_file_or_file_name()
    {
        var hits = new List<string>();
        foreach (var file in TestGarden.Files(_output))
        {
            if (file.Contains("zqpriv", StringComparison.OrdinalIgnoreCase)) hits.Add(file);
            if (File.ReadAllText(Path.Combine(_output, file)).Contains("zqpriv", StringComparison.OrdinalIgnoreCase)) hits.Add(file + " (content)");
        }
        Assert.Empty(hits);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
    }
}
