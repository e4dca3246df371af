using BenchmarkDotNet.Attributes;
using Markdig.Syntax;
using SiteGen.Configuration;
using SiteGen.Diagnostics;
using SiteGen.Emitting;
using SiteGen.Emitting.Feeds;
using SiteGen.Linking;
using SiteGen.Markdown;
using SiteGen.Notes;
using SiteGen.Output;
using SiteGen.Rendering;
using SiteGen.Vault;

namespace SiteGen.Benchmarks;

/// <summary>Each build stage on its own, fed by the previous stages' output computed once in setup.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private SiteConfig _config = new();
    private string _content = "";
    private IReadOnlyList<VaultFile> _files = [];
    private NoteSet _notes = null!;
    private Dictionary<string, MarkdownDocument> _documents = [];
    private Garden _garden = null!;
    private Theme _theme = null!;
    private Dictionary<string, string> _html = [];
    private string _output = "";

    [Params(1000)]
    public int Notes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = BenchVault.Root(int.TryParse(Environment.GetEnvironmentVariable("NOTES"), out var n) ? n : Notes);
        _config = new SiteConfig { BaseUrl = "https://garden.example.org/" };
        _content = Path.Combine(root, "content");
        _files = Load();
        _notes = FrontMatter();
        _documents = Markdown();
        _garden = Linking();
        _theme = Theme.Load(BenchVault.Theme, null, "site-template", "templates");
        _html = Content();
        _output = Path.Combine(Path.GetTempPath(), "sitegen-bench-out");
    }

    [Benchmark]
    public IReadOnlyList<VaultFile> Load() => VaultLoader.Load(_content, _config, new DiagnosticBag(), "content");

    [Benchmark]
    public NoteSet FrontMatter() => NoteLoader.Load(_files, _config, new DiagnosticBag(), "content/");

    [Benchmark]
    public Dictionary<string, MarkdownDocument> Markdown()
    {
        var documents = new MarkdownDocument[_notes.Notes.Count];
        Parallel.For(0, documents.Length, i => documents[i] = SiteGenMarkdown.Parse(_notes.Notes[i].Body));
        return _notes.Notes.Select((note, i) => (note, i)).ToDictionary(x => x.note.Path, x => documents[x.i]);
    }

    [Benchmark]
    public Garden Linking() =>
        GardenBuilder.Build(_notes, Markdown(), _config.BasePath, new PrivateNames(_notes.PrivatePaths, false), new DiagnosticBag());

    [Benchmark]
    public Dictionary<string, string> Content()
    {
        var html = new string[_garden.Notes.Count];
        Parallel.For(0, html.Length, i => html[i] = ContentRenderer.Render(_garden.Notes[i], false, new DiagnosticBag()));
        return _garden.Notes.Select((note, i) => (note, i)).ToDictionary(x => x.note.Note.Path, x => html[x.i]);
    }

    [Benchmark]
    public int Pages()
    {
        using var writer = SiteWriter.Begin(_output, dryRun: true);
        new PageRenderer(_garden, _config, _theme, _html).RenderAll(writer);
        return writer.Count;
    }

    [Benchmark]
    public int Feeds()
    {
        using var writer = SiteWriter.Begin(_output, dryRun: true);
        FeedEmitter.Emit(_garden, _config, _html, writer);
        return writer.Count;
    }

    [Benchmark]
    public SearchFiles.Result Search() => SearchFiles.Emit(_garden, _config, new DiagnosticBag());

    /// <summary>Pages and feeds rendered and written to staging, then swapped in: the write cost is this minus Pages and Feeds.</summary>
    [Benchmark]
    public void PagesAndFeedsWritten()
    {
        using var writer = SiteWriter.Begin(_output);
        new PageRenderer(_garden, _config, _theme, _html).RenderAll(writer);
        FeedEmitter.Emit(_garden, _config, _html, writer);
        writer.Commit();
    }
}
