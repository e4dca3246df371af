using System.Collections.Concurrent;
using System.Diagnostics;
using Markdig.Syntax;
using SiteGen.Configuration;
using SiteGen.Diagnostics;
using SiteGen.Emitting;
using SiteGen.Emitting.Feeds;
using SiteGen.Incremental;
using SiteGen.Linking;
using SiteGen.Markdown;
using SiteGen.Markdown.CodeHighlighting;
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
    // Compiling a note can wait for a code tokenizer (there is one per core), and a pool thread that waits makes the
    // pool add threads: at 10k notes four workers shared two cores, and the highlighting they waited in was counted
    // twice over. One worker per core never waits once the tokenizers exist (content stage 4.6 s instead of 4.8 s).
    private static readonly ParallelOptions OnePerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <exception cref="ConfigException">The configuration is unusable (exit 2).</exception>
    /// <exception cref="OutputException">The output folder is unsafe (exit 2).</exception>
    public static BuildResult Build(BuildOptions options, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var timings = new List<StageTiming>();
        var stageStart = TimeSpan.Zero;
        var cpuStart = Environment.CpuUsage.TotalTime;
        var allocatedStart = GC.GetTotalAllocatedBytes();
        string? stage = null;
        IReadOnlyList<StageTiming> stageParts = [];
        void Stage(string next)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var allocated = GC.GetTotalAllocatedBytes();
            if (stage is not null) timings.Add(new StageTiming(stage, clock.Elapsed - stageStart, cpu - cpuStart, allocated - allocatedStart, GC.GetTotalMemory(false)) { Parts = stageParts });
            stageParts = [];
            stage = next;
            stageStart = clock.Elapsed;
            cpuStart = cpu;
            allocatedStart = allocated;
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

        var themeDir = Path.Combine(root, config.Theme);
        if (!Directory.Exists(Path.Combine(themeDir, "layouts"))) themeDir = options.BundledTheme ?? throw new ConfigException($"the theme folder '{config.Theme}' does not exist");

        Stage("vault");
        // Nothing needs the templates before the pages, nor the code grammars' index before the content: both are
        // read alongside the vault and the notes, which leave a core idle.
        var themeLoad = Task.Run(() =>
        {
            var themeClock = Stopwatch.StartNew();
            var loaded = Theme.Load(themeDir, Path.Combine(root, config.Overrides), config.Theme, config.Overrides);
            return (Theme: loaded, Elapsed: themeClock.Elapsed);
        });
        _ = Task.Run(CodeHighlighter.Prepare);
        // git log over a long history takes seconds, and only the notes' dates need it.
        var historyRead = Task.Run(() => GitHistory.Read(contentRoot, diagnostics));
        var files = VaultLoader.Load(contentRoot, config, diagnostics, config.Content);

        Stage("notes");
        var history = historyRead.GetAwaiter().GetResult();
        var notes = NoteLoader.Load(files, config, diagnostics, config.Content + "/", options.IncludeDrafts, history, options.DryRun ? null : options.Cache);

        Stage("markdown");
        var cache = options.DryRun ? null : options.Cache;
        var parsed = Parse(notes.Notes, cache, diagnostics);

        Stage("linking");
        var privateNames = new PrivateNames(notes.PrivatePaths, options.HidePrivateNames);
        var links = GardenBuilder.Prepare(notes, parsed.ToDictionary(p => p.Key, p => p.Value.Ids, StringComparer.Ordinal), config.BasePath, privateNames, diagnostics);
        Stage("content");
        (var compiled, links) = CodeHighlighter.Measure(() => Compile(links, parsed, config.TrustHtml, cache, garden => LinksKey(garden, notes, config, options), diagnostics), out var coloured);
        // Colouring code is the largest single piece of work in a garden with code in it (half the stage at 10k notes).
        stageParts = [new StageTiming("highlighting", TimeSpan.Zero, coloured.Busy, 0, 0) { Items = coloured.Blocks }];
        Stage("garden");
        var garden = GardenBuilder.Build(links, compiled, diagnostics);
        // From here on the garden's compiled notes are all that is read. The note bodies, held by the loaded notes
        // and the links, are let go (a quarter of the heap at 10k notes); serve keeps the links for its quick edits.
        var privatePaths = notes.PrivatePaths;
        var quickEditLinks = options.InPlace && cache is not null ? links : null;
        notes = null!;
        links = null!;

        Stage("emitting");
        Theme theme;
        try
        {
            (theme, var themeElapsed) = themeLoad.GetAwaiter().GetResult();
            var vault = timings.FindIndex(t => t.Stage == "vault");
            timings[vault] = timings[vault] with { Parts = [new StageTiming("theme", themeElapsed, TimeSpan.Zero, 0, 0)] };
        }
        catch (TemplateException e)
        {
            diagnostics.Add(ParseTemplateError(e));
            return Failed(output, clock, diagnostics, options, privatePaths.Select(p => config.Content + "/" + p).ToList());
        }
        var renderer = new PageRenderer(garden, config, theme);
        // Files go to staging as they are produced; nothing is swapped in unless the whole build succeeds.
        using var writer = options.InPlace && !options.DryRun
            ? SiteWriter.BeginInPlace(output, cache?.Outputs)
            : SiteWriter.Begin(output, options.DryRun, cache?.Outputs, keyed: cache is not null);
        // Pages, feeds and the search index only read the garden, so they are made side by side: each has a
        // stretch that uses one core (the site feed, the index's serialization), which the others fill.
        var parts = new ConcurrentQueue<StageTiming>();
        void Part(string name, Action work)
        {
            var partClock = Stopwatch.StartNew();
            work();
            parts.Enqueue(new StageTiming(name, partClock.Elapsed, TimeSpan.Zero, 0, 0));
        }
        void Pages() => Part("pages", () =>
        {
            try
            {
                renderer.RenderAll(writer);
            }
            catch (TemplateException e)
            {
                diagnostics.Add(ParseTemplateError(e));
            }
            writer.AddRange(StaticFiles.Emit(garden, theme));
        });
        void Feeds() => Part("feeds", () =>
        {
            FeedEmitter.Emit(garden, config, writer);
            writer.AddRange(SitemapEmitter.Emit(garden, config));
            GraphEmitter.Write(garden, config, writer);
        });
        SearchFiles.Result search = default!;
        void Search() => Part("search index", () => search = SearchFiles.Write(garden, config, diagnostics, writer, cache));
        if (options is { InPlace: true, DryRun: false, PagesCommitted: { } committed })
        {
            // serve: open pages reload as soon as the pages are in place, before the search index is remade.
            Parallel.Invoke(Pages, Feeds);
            if (!diagnostics.HasErrors && writer.Collisions.Count == 0)
            {
                writer.CommitSoFar();
                committed(writer.Changed);
            }
            Search();
        }
        else Parallel.Invoke(Pages, Feeds, Search);
        stageParts = parts.OrderBy(p => p.Stage, StringComparer.Ordinal).ToList();
        foreach (var missing in theme.MissingVendorFiles)
            diagnostics.Warn("SG0902", $"the theme's browser library '{missing}' is missing; run 'npm ci' in the theme folder");

        if (options.DryRun) ReportForCheck(garden, config, contentRoot, diagnostics);

        foreach (var collision in writer.Collisions) diagnostics.Error("SG0801", collision);
        var pages = writer.Pages;
        if (diagnostics.HasErrors)
            return Finish(false, output, clock, diagnostics, options, privatePaths, garden, pages, 0, config.Content + "/", config.CheckIgnore);

        Stage("writing");
        try
        {
            writer.Commit();
            if (cache is not null)
            {
                cache.Outputs = writer.Manifest;
                cache.Prune(parsed.Keys.ToHashSet(StringComparer.Ordinal), parsed.Values.Select(p => p.BodyKey).ToHashSet());
            }
        }
        catch (SiteCollisionException e)
        {
            foreach (var problem in e.Problems) diagnostics.Error("SG0801", problem);
            return Finish(false, output, clock, diagnostics, options, privatePaths, garden, pages, 0, config.Content + "/", config.CheckIgnore);
        }
        Stage("done");
        var quick = quickEditLinks is not null ? new QuickEdit(config, config.Content + "/", options.IncludeDrafts, history, files, quickEditLinks, garden, renderer, output, cache!) : null;
        return Finish(true, output, clock, diagnostics, options, privatePaths, garden, pages, options.DryRun ? 0 : writer.Count, config.Content + "/", config.CheckIgnore) with { Timings = timings, FilesReused = writer.Reused, FilesChanged = writer.Written, SearchIndexBytes = search.IndexBytes, SearchIndexGzipBytes = search.IndexGzipBytes, QuickEdit = quick, ChangedFiles = writer.Changed };
    }

    /// <summary>
    /// What the linker needs of a note before any note is rendered: its heading and block ids (null when not known
    /// yet), and its keys for the cache. No tree is kept: the content stage parses each note again. Holding every tree
    /// until its note was rendered made every collection of those stages walk them: at 10k notes, that cost more in
    /// collector pauses (1.6 s against 1.0 s in all) than parsing twice.
    /// </summary>
    private sealed record ParsedNote(UInt128 BodyKey, UInt128 NoteKey, IReadOnlySet<string>? Ids);

    /// <summary>
    /// The notes' keys, and their ids where needed before linking. An incremental build needs every note's ids up front,
    /// to tell whether the garden's names changed and so which compiled notes it may reuse: the ids of notes whose
    /// text the cache knows come from it, and the others are parsed here. A build whose cache knows no note (a cold
    /// build, or --no-cache) has nothing to reuse, so it parses nothing here and learns each note's ids as it compiles
    /// it (see <see cref="Compile"/>): at 10k notes that saves a parse of every note, half a second.
    /// </summary>
    private static Dictionary<string, ParsedNote> Parse(IReadOnlyList<Note> notes, BuildCache? cache, DiagnosticBag diagnostics)
    {
        var keys = new (UInt128 Body, UInt128 Note)[notes.Count];
        var known = new IReadOnlySet<string>?[notes.Count];
        Parallel.For(0, notes.Count, i =>
        {
            // Keys are for the cache; without one, hashing every note's text would be work for nothing.
            if (cache is null) return;
            var note = notes[i];
            var bodyKey = KeyBuilder.Of(note.Body);
            keys[i] = (bodyKey, new KeyBuilder().Add(bodyKey).Add(note.Path).Add(note.SourceFile).Add(note.BodyLine).Build());
            if (cache.TryGetIds(bodyKey, out var ids)) known[i] = ids;
        });
        var upFront = known.Any(ids => ids is not null);
        var parsed = new ParsedNote?[notes.Count];
        Parallel.For(0, notes.Count, i =>
        {
            var note = notes[i];
            if (known[i] is not null || !upFront)
            {
                parsed[i] = new ParsedNote(keys[i].Body, keys[i].Note, known[i]);
                return;
            }
            try
            {
                var ids = GardenBuilder.CollectIds(SiteGenMarkdown.Parse(note.Body));
                cache?.PutIds(keys[i].Body, ids);
                parsed[i] = new ParsedNote(keys[i].Body, keys[i].Note, ids);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                ReportParseFailure(note, e, diagnostics);
            }
        });
        var map = new Dictionary<string, ParsedNote>(StringComparer.Ordinal);
        for (var i = 0; i < notes.Count; i++)
            if (parsed[i] is { } note) map[notes[i].Path] = note;
        return map;
    }

    private static void ReportParseFailure(Note note, Exception e, DiagnosticBag diagnostics) =>
        diagnostics.Error("SG0510", $"markdown could not be parsed ({e.GetType().Name}: {e.Message.Split('\n')[0]})", note.SourceFile, note.BodyLine);

    /// <summary>
    /// Parses, links and renders every page's note, dropping each tree as soon as its HTML exists, or takes the note's
    /// compiled form from the cache when neither it, the notes it transcludes, nor the garden's names changed.
    /// When the notes' ids were not known up front, a fragment such as <c>[[Note#Heading]]</c> is taken on trust while
    /// the notes compile, and each note's ids are collected from its tree; afterwards every trusted fragment is checked,
    /// and a note that trusted a wrong one is compiled again against the ids now known (the 10k benchmark garden has
    /// none), so the result is the same as with the ids known from the start.
    /// </summary>
    /// <returns>The compiled notes, and the links with every page's ids.</returns>
    private static (Dictionary<string, CompiledNote> Compiled, GardenLinks Links) Compile(GardenLinks links, Dictionary<string, ParsedNote> parsed, bool trustHtml, BuildCache? cache, Func<GardenLinks, UInt128> linksKeyOf, DiagnosticBag diagnostics)
    {
        var notes = links.Notes.ToList();
        var noteKeys = parsed.ToDictionary(p => p.Key, p => p.Value.NoteKey, StringComparer.Ordinal);
        var compiled = new CompiledNote[notes.Count];
        var deferred = links.Pages.Any(p => p.Ids is null);
        if (deferred) links = CompileLearningIds(links, notes, parsed, trustHtml, cache, compiled, diagnostics);
        var linksKey = cache is null ? default : linksKeyOf(links);
        Parallel.For(0, notes.Count, OnePerCore, i =>
        {
            var path = notes[i].Path;
            var entry = parsed[path];
            if (!deferred)
            {
                if (cache?.TryGetCompiled(path, entry.NoteKey, linksKey, noteKeys) is { } known)
                {
                    compiled[i] = known;
                    return;
                }
                compiled[i] = NoteCompiler.Compile(links, notes[i], null, trustHtml);
            }
            cache?.PutCompiled(path, new CompiledEntry(entry.NoteKey, linksKey, compiled[i].Loaded.Select(p => (p, noteKeys[p])).ToList(), compiled[i]));
        });
        var map = new Dictionary<string, CompiledNote>(StringComparer.Ordinal);
        for (var i = 0; i < notes.Count; i++)
        {
            map[notes[i].Path] = compiled[i];
            foreach (var diagnostic in compiled[i].Diagnostics) diagnostics.Add(diagnostic);
        }
        return (map, links);
    }

    /// <summary>
    /// Compiles every note into <paramref name="compiled"/> while its ids are learnt, then compiles again each note that
    /// trusted a fragment its target lacks (see <see cref="Compile"/>). Returns the links with every page's ids.
    /// </summary>
    private static GardenLinks CompileLearningIds(GardenLinks links, List<Note> notes, Dictionary<string, ParsedNote> parsed, bool trustHtml, BuildCache? cache, CompiledNote[] compiled, DiagnosticBag diagnostics)
    {
        var ids = new IReadOnlySet<string>[notes.Count];
        var assumed = new List<(string Target, string Id)>[notes.Count];
        Parallel.For(0, notes.Count, OnePerCore, i =>
        {
            var note = notes[i];
            MarkdownDocument document;
            try
            {
                document = SiteGenMarkdown.Parse(note.Body);
                ids[i] = GardenBuilder.CollectIds(document);
                cache?.PutIds(parsed[note.Path].BodyKey, ids[i]);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The build fails on this error; an empty note keeps the rest of the garden whole until it ends,
                // and the cache learns nothing of it, so the next build parses it again.
                ReportParseFailure(note, e, diagnostics);
                document = SiteGenMarkdown.Parse("");
                ids[i] = new HashSet<string>();
            }
            assumed[i] = [];
            compiled[i] = NoteCompiler.Compile(links, note, document, trustHtml, assumed[i]);
        });
        var idsByPath = Enumerable.Range(0, notes.Count).ToDictionary(i => notes[i].Path, i => ids[i], StringComparer.Ordinal);
        links = links.WithIds(idsByPath);
        var wrong = Enumerable.Range(0, notes.Count).Where(i => assumed[i].Any(a => !idsByPath[a.Target].Contains(a.Id))).ToList();
        Parallel.ForEach(wrong, OnePerCore, i => compiled[i] = NoteCompiler.Compile(links, notes[i], null, trustHtml));
        return links;
    }

    /// <summary>Everything about the garden as a whole that linking one note can depend on: every public note's path, address, title, aliases and ids, the attachments (with their sizes and times), the private notes' names and the settings.</summary>
    private static UInt128 LinksKey(GardenLinks links, NoteSet notes, SiteConfig config, BuildOptions options)
    {
        var key = new KeyBuilder().Add(config.BasePath).Add(config.TrustHtml).Add(options.HidePrivateNames);
        foreach (var page in links.Pages)
            key.Add(page.Note.Path).Add(page.Url.Value).Add(page.Note.Title).Add(page.Note.Meta.Aliases).Add(page.Ids!.Order(StringComparer.Ordinal));
        // An image embed carries the image's size, read from the file, so an attachment's size and time count too.
        foreach (var attachment in notes.Attachments) key.Add(attachment.Path).Add(attachment.Length).Add(attachment.LastWriteUtc.UtcTicks);
        key.Add(notes.PrivatePaths).Add(links.Unplaced);
        return key.Build();
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

    private static BuildResult Finish(bool succeeded, string output, Stopwatch clock, DiagnosticBag diagnostics, BuildOptions options, IReadOnlyCollection<string> privatePaths, Garden garden, int pages, int written, string contentPrefix, IReadOnlyList<string> ignore)
    {
        // Accepted warnings are matched on real paths, before CI mode replaces private ones by hashes.
        IReadOnlyList<Diagnostic> list = diagnostics.ToSortedList();
        if (ignore.Count > 0)
            list = list.Select(d => d.Severity == Severity.Warning && (ignore.Contains(d.Code) || ignore.Contains($"{d.File}:{d.Code}")) ? d with { Severity = Severity.Info } : d).ToList();
        list = Hide(list, privatePaths.Select(p => contentPrefix + p).ToList(), options);
        var unresolved = list.Count(d => d.Code is "SG0501" or "SG0502");
        return new BuildResult(succeeded, output, garden.Notes.Count, privatePaths.Count, pages, garden.Tags.Count, unresolved, written, clock.Elapsed, list);
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
