using System.Diagnostics;
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

namespace SiteGen;

/// <summary>
/// The build, top to bottom: configuration, vault, notes (private notes leave here), markdown, linking,
/// rendering, emitting, output. Content problems become diagnostics; a build with errors writes nothing.
/// </summary>
public static class SiteBuilder
{
    /// <exception cref="ConfigException">The configuration is unusable (exit 2).</exception>
    /// <exception cref="OutputException">The output folder is unsafe (exit 2).</exception>
    public static BuildResult Build(BuildOptions options, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var timings = new List<(string Stage, TimeSpan Elapsed)>();
        var stageStart = TimeSpan.Zero;
        string? stage = null;
        void Stage(string next)
        {
            if (stage is not null) timings.Add((stage, clock.Elapsed - stageStart));
            stage = next;
            stageStart = clock.Elapsed;
            progress?.Report(next);
        }
        var diagnostics = new DiagnosticBag();
        var root = Path.GetFullPath(options.Root);
        if (!Directory.Exists(root)) throw new ConfigException($"the garden folder '{options.Root}' does not exist");

        Stage("configuration");
        var configPath = options.ConfigFile is null ? Path.Combine(root, ConfigLoader.FileName) : Path.GetFullPath(options.ConfigFile);
        if (options.ConfigFile is not null && !File.Exists(configPath)) throw new ConfigException($"the configuration file '{options.ConfigFile}' does not exist");
        var config = ConfigLoader.Load(configPath, Path.GetFileName(configPath), diagnostics);
        if (options.BaseUrl is { } baseUrl)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new ConfigException($"--base-url '{baseUrl}' is not an absolute http(s) address");
            config = config with { BaseUrl = ConfigLoader.NormalizeBaseUrl(baseUrl) };
        }
        var contentRoot = Path.Combine(root, config.Content);
        if (!Directory.Exists(contentRoot)) throw new ConfigException($"the content folder '{config.Content}' does not exist in '{options.Root}'");
        var output = options.Output is null ? Path.Combine(root, config.Output) : Path.GetFullPath(options.Output);
        if (!options.DryRun) SiteWriter.CheckOutputFolder(output, contentRoot, root);

        Stage("theme");
        var themeDir = Path.Combine(root, config.Theme);
        if (!Directory.Exists(Path.Combine(themeDir, "layouts"))) themeDir = options.BundledTheme ?? throw new ConfigException($"the theme folder '{config.Theme}' does not exist");
        Theme theme;
        try
        {
            theme = Theme.Load(themeDir, Path.Combine(root, config.Overrides), config.Theme, config.Overrides);
        }
        catch (TemplateException e)
        {
            diagnostics.Add(ParseTemplateError(e));
            return Failed(output, clock, diagnostics, options, []);
        }

        Stage("vault");
        var files = VaultLoader.Load(contentRoot, config, diagnostics, config.Content);

        Stage("notes");
        var history = GitHistory.Read(contentRoot, diagnostics);
        var notes = NoteLoader.Load(files, config, diagnostics, config.Content + "/", options.IncludeDrafts, history);

        Stage("markdown");
        var parsed = Parse(notes.Notes, diagnostics);

        Stage("linking");
        var privateNames = new PrivateNames(notes.PrivatePaths, options.HidePrivateNames);
        var links = GardenBuilder.Prepare(notes, parsed.ToDictionary(p => p.Key, p => p.Value.Ids, StringComparer.Ordinal), config.BasePath, privateNames, diagnostics);
        var compiled = Compile(links, parsed, config.TrustHtml, diagnostics);
        var garden = GardenBuilder.Build(links, compiled, diagnostics);

        Stage("rendering");
        // Files go to staging as they are produced; nothing is swapped in unless the whole build succeeds.
        using var writer = SiteWriter.Begin(output, options.DryRun);
        try
        {
            new PageRenderer(garden, config, theme).RenderAll(writer);
        }
        catch (TemplateException e)
        {
            diagnostics.Add(ParseTemplateError(e));
        }

        Stage("static files");
        writer.AddRange(StaticFiles.Emit(garden, theme));
        Stage("feeds");
        FeedEmitter.Emit(garden, config, writer);
        writer.AddRange(SitemapEmitter.Emit(garden, config));
        writer.Add(GraphEmitter.Emit(garden, config));
        Stage("search index");
        var search = SearchFiles.Emit(garden, config, diagnostics);
        writer.AddRange(search.Files);
        foreach (var missing in theme.MissingVendorFiles)
            diagnostics.Warn("SG0902", $"the theme's browser library '{missing}' is missing; run 'npm ci' in the theme folder");

        if (options.DryRun) ReportForCheck(garden, config, contentRoot, diagnostics);

        foreach (var collision in writer.Collisions) diagnostics.Error("SG0801", collision);
        var pages = writer.Pages;
        if (diagnostics.HasErrors)
            return Finish(false, output, clock, diagnostics, options, notes, garden, pages, 0, config.Content + "/", config.CheckIgnore);

        Stage("writing");
        try
        {
            writer.Commit();
        }
        catch (SiteCollisionException e)
        {
            foreach (var problem in e.Problems) diagnostics.Error("SG0801", problem);
            return Finish(false, output, clock, diagnostics, options, notes, garden, pages, 0, config.Content + "/", config.CheckIgnore);
        }
        Stage("done");
        return Finish(true, output, clock, diagnostics, options, notes, garden, pages, options.DryRun ? 0 : writer.Count, config.Content + "/", config.CheckIgnore) with { Timings = timings, SearchIndexBytes = search.IndexBytes, SearchIndexGzipBytes = search.IndexGzipBytes };
    }

    /// <summary>A parsed note: its ids for the linker, and its tree until <see cref="Compile"/> takes it.</summary>
    private sealed class ParsedNote(MarkdownDocument document)
    {
        public IReadOnlySet<string> Ids { get; } = GardenBuilder.CollectIds(document);

        public MarkdownDocument? Document { get; set; } = document;
    }

    private static Dictionary<string, ParsedNote> Parse(IReadOnlyList<Note> notes, DiagnosticBag diagnostics)
    {
        var parsed = new ParsedNote?[notes.Count];
        Parallel.For(0, notes.Count, i =>
        {
            try
            {
                parsed[i] = new ParsedNote(SiteGenMarkdown.Parse(notes[i].Body));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                diagnostics.Error("SG0510", $"markdown could not be parsed ({e.GetType().Name}: {e.Message.Split('\n')[0]})", notes[i].SourceFile, notes[i].BodyLine);
            }
        });
        var map = new Dictionary<string, ParsedNote>(StringComparer.Ordinal);
        for (var i = 0; i < notes.Count; i++)
            if (parsed[i] is { } note) map[notes[i].Path] = note;
        return map;
    }

    /// <summary>Links and renders every page's note, dropping each tree as soon as its HTML exists.</summary>
    private static Dictionary<string, CompiledNote> Compile(GardenLinks links, Dictionary<string, ParsedNote> parsed, bool trustHtml, DiagnosticBag diagnostics)
    {
        var notes = links.Notes.ToList();
        var compiled = new CompiledNote[notes.Count];
        Parallel.For(0, notes.Count, i =>
        {
            var entry = parsed[notes[i].Path];
            var document = entry.Document;
            entry.Document = null;
            compiled[i] = NoteCompiler.Compile(links, notes[i], document, trustHtml);
        });
        var map = new Dictionary<string, CompiledNote>(StringComparer.Ordinal);
        for (var i = 0; i < notes.Count; i++)
        {
            map[notes[i].Path] = compiled[i];
            foreach (var diagnostic in compiled[i].Diagnostics) diagnostics.Add(diagnostic);
        }
        return map;
    }

    /// <summary>What only <c>check</c> reports: orphans, and the notes a push would publish for the first time.</summary>
    private static void ReportForCheck(Garden garden, SiteConfig config, string contentRoot, DiagnosticBag diagnostics)
    {
        var folderNotes = garden.AllFolders().Select(f => f.IndexNote).OfType<GardenNote>().ToHashSet();
        foreach (var note in garden.Notes)
            if (note.Url != SitePath.Root && !folderNotes.Contains(note) && garden.BacklinksOf(note).Count == 0)
                diagnostics.Warn("SG0520", "no public note links to this note (orphan)", note.Note.SourceFile);
        var newly = PublishHistory.NewlyPublic(contentRoot, garden.Notes.Select(n => n.Note.Path).ToList(), config.PublishMode);
        foreach (var path in newly)
            diagnostics.Info("SG0530", "this note is public now but was not at the last commit: it goes out with the next publish", config.Content + "/" + path);
    }

    private static Diagnostic ParseTemplateError(TemplateException e) =>
        new(Severity.Error, "SG0600", e.Message);

    private static BuildResult Failed(string output, Stopwatch clock, DiagnosticBag diagnostics, BuildOptions options, IReadOnlyList<string> privatePaths) =>
        new(false, output, 0, 0, 0, 0, 0, 0, clock.Elapsed, Hide(diagnostics.ToSortedList(), privatePaths, options));

    private static BuildResult Finish(bool succeeded, string output, Stopwatch clock, DiagnosticBag diagnostics, BuildOptions options, NoteSet notes, Garden garden, int pages, int written, string contentPrefix, IReadOnlyList<string> ignore)
    {
        // Accepted warnings are matched on real paths, before CI mode replaces private ones by hashes.
        IReadOnlyList<Diagnostic> list = diagnostics.ToSortedList();
        if (ignore.Count > 0)
            list = list.Select(d => d.Severity == Severity.Warning && (ignore.Contains(d.Code) || ignore.Contains($"{d.File}:{d.Code}")) ? d with { Severity = Severity.Info } : d).ToList();
        list = Hide(list, notes.PrivatePaths.Select(p => contentPrefix + p).ToList(), options);
        var unresolved = list.Count(d => d.Code is "SG0501" or "SG0502");
        return new BuildResult(succeeded, output, garden.Notes.Count, notes.PrivatePaths.Count, pages, garden.Tags.Count, unresolved, written, clock.Elapsed, list);
    }

    /// <summary>In CI mode, a diagnostic about a private note names it by hash (RELIABILITY P11).</summary>
    private static IReadOnlyList<Diagnostic> Hide(IReadOnlyList<Diagnostic> list, IReadOnlyList<string> privateFiles, BuildOptions options)
    {
        if (!options.HidePrivateNames || privateFiles.Count == 0) return list;
        var files = privateFiles.ToHashSet(StringComparer.Ordinal);
        return list.Select(d => d.File is { } file && files.Contains(file)
            ? d with { File = "note#" + Slugger.ShortHash(file) }
            : d).ToList();
    }
}
