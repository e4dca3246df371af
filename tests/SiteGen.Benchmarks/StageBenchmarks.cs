using BenchmarkDotNet.Attributes;
using Markdig.Syntax;
using SiteGen.Configuration;
using SiteGen.Diagnostics;
using SiteGen.Emitting;
using SiteGen.Emitting.Feeds;
using SiteGen.Emitting.Search;
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
    private GardenLinks _links = null!;
    private Dictionary<string, CompiledNote> _compiled = [];
    private Garden _garden = null!;
    private Theme _theme = null!;
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
        _links = Linking();
        _compiled = Content();
        _garden = GardenBuilder.Build(_links, _compiled, new DiagnosticBag());
        _theme = Theme.Load(BenchVault.Theme, null, "site-template", "templates");
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

    /// <summary>Addresses and link resolution, from the parsed notes' ids.</summary>
    [Benchmark]
    public GardenLinks Linking() =>
        GardenBuilder.Prepare(_notes, _documents.ToDictionary(d => d.Key, d => (IReadOnlySet<string>?)GardenBuilder.CollectIds(d.Value)), _config.BasePath, new PrivateNames(_notes.PrivatePaths, false), new DiagnosticBag());

    /// <summary>Every note parsed again, linked and rendered to HTML.</summary>
    [Benchmark]
    public Dictionary<string, CompiledNote> Content()
    {
        var notes = _links.Notes.ToList();
        var compiled = new CompiledNote[notes.Count];
        Parallel.For(0, notes.Count, i => compiled[i] = NoteCompiler.Compile(_links, notes[i], null, false));
        return notes.Select((note, i) => (note, i)).ToDictionary(x => x.note.Path, x => compiled[x.i]);
    }

    [Benchmark]
    public int Pages()
    {
        using var writer = SiteWriter.Begin(_output, dryRun: true);
        new PageRenderer(_garden, _config, _theme).RenderAll(writer);
        return writer.Count;
    }

    [Benchmark]
    public int Feeds()
    {
        using var writer = SiteWriter.Begin(_output, dryRun: true);
        FeedEmitter.Emit(_garden, _config, writer);
        return writer.Count;
    }

    [Benchmark]
    public SearchOutput Search() => SearchFiles.Emit(_garden, _config, new DiagnosticBag());

    /// <summary>Pages and feeds rendered and written to staging, then swapped in: the write cost is this minus Pages and Feeds.</summary>
    [Benchmark]
    public void PagesAndFeedsWritten()
    {
        using var writer = SiteWriter.Begin(_output);
        new PageRenderer(_garden, _config, _theme).RenderAll(writer);
        FeedEmitter.Emit(_garden, _config, writer);
        writer.Commit();
    }
}
