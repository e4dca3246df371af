using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;
using SiteGen.Configuration;
using SiteGen.Incremental;

namespace SiteGen.Cli.Commands.Serve;

/// <summary>
/// <c>sitegen serve</c>: builds into a private temp folder (never the real output), serves it with Kestrel on
/// loopback, watches the garden, rebuilds after a burst of changes settles, and reloads open pages through
/// server-sent events. The reload script and the drafts banner are injected into responses only.
/// </summary>
public static class DevServer
{
    public const string ReloadPath = "/__sitegen/reload";
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    // An editor's save is a burst of events within a few milliseconds; a lone note saved is shown after this much quiet.
    private static readonly TimeSpan QuickDelay = TimeSpan.FromMilliseconds(15);

    // Past this many changed pages a reload names no pages: every open page reloads.
    private const int MaxNamedPages = 100;

    public static async Task<int> RunAsync(string root, string host, int port, bool drafts, bool open, bool timings, CancellationToken cancel)
    {
        var garden = Path.GetFullPath(root);
        var site = Path.Combine(Path.GetTempPath(), $"sitegen-serve-{Environment.ProcessId}", "site");
        // The cache lives as long as the server: each rebuild redoes only what the change affects, and writes only the files that changed.
        var options = new BuildOptions { Root = garden, Output = site, BundledTheme = BundledTheme.Path, IncludeDrafts = drafts, HidePrivateNames = CiMode.IsOn, Cache = new SiteGen.Incremental.BuildCache(), InPlace = true };
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address) && host != "localhost")
        {
            Console.Error.WriteLine($"error: --host '{host}' is not an IP address or localhost");
            return ExitCodes.Usage;
        }
        var loopback = host == "localhost" || IPAddress.IsLoopback(address!);
        if (!loopback)
            Console.Error.WriteLine($"warning: serving on {host} makes this preview, drafts included, reachable from your network");

        var version = 0L;
        var clients = new ConcurrentDictionary<Guid, HttpResponse>();
        var quick = Rebuild(options, timings, out _);
        if (quick is null) Console.Error.WriteLine("The first build failed; fix the errors above and save: the server rebuilds on every change.");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(host == "localhost" ? IPAddress.Loopback : address!, port));
        var app = builder.Build();
        var allowedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]", "::1", host };
        var types = new FileExtensionContentTypeProvider();

        app.Run(async context =>
        {
            // DNS rebinding: a page elsewhere must not reach this server through a name that resolves to loopback.
            if (!allowedHosts.Contains(context.Request.Host.Host))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            var path = context.Request.Path.Value ?? "/";
            if (path == ReloadPath)
            {
                await StreamReloads(context, clients, () => Interlocked.Read(ref version));
                return;
            }
            var file = SafePath.Resolve(site, path);
            var status = StatusCodes.Status200OK;
            if (file is null)
            {
                status = StatusCodes.Status404NotFound;
                file = SafePath.Resolve(site, "/404.html");
                if (file is null)
                {
                    context.Response.StatusCode = status;
                    return;
                }
            }
            context.Response.StatusCode = status;
            context.Response.Headers.CacheControl = "no-store";
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Inject(await File.ReadAllTextAsync(file), drafts));
                return;
            }
            context.Response.ContentType = types.TryGetContentType(file, out var type) ? type : "application/octet-stream";
            await context.Response.SendFileAsync(file);
        });

        using var watcher = new FileSystemWatcher(garden) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        var reloaded = false;
        void Reload(IReadOnlyCollection<string>? changed)
        {
            reloaded = true;
            Interlocked.Increment(ref version);
            var message = ReloadMessage(changed);
            foreach (var (id, response) in clients)
                _ = response.WriteAsync(message).ContinueWith(t => { if (t.IsFaulted) clients.TryRemove(id, out HttpResponse? _); }, TaskScheduler.Default);
        }
        // Open pages reload as soon as the pages are in place; the search index follows a moment later.
        options = options with { PagesCommitted = changed => Reload(changed) };
        // One build or quick edit at a time: they share the cache and the folder. A change during a rebuild queues the next one.
        var gate = new object();
        var saved = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var quickTried = 0;
        // A lone note saved: its page is made and shown at once, and the rebuild that follows brings the rest.
        void TryQuick()
        {
            if (Interlocked.Exchange(ref quickTried, 1) == 1 || saved.Count != 1 || quick is null) return;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            string? page;
            try
            {
                page = quick.TryRender(saved.Keys.First());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Showing the page early is a nicety: the rebuild that follows decides, and reports any real problem.
                Console.Error.WriteLine($"note: the saved note is shown after the rebuild ({e.GetType().Name}: {e.Message})");
                return;
            }
            if (page is null) return;
            Reload([page]);
            Console.Out.WriteLine($"Showed {page} in {clock.Elapsed.TotalMilliseconds:0} ms; rebuilding the rest");
        }
        using var timer = new Timer(_ =>
        {
            lock (gate)
            {
                // A save during the last rebuild has waited for it: show the page first all the same.
                TryQuick();
                saved.Clear();
                reloaded = false;
                var result = Rebuild(options, timings, out var changed);
                quick = result;
                if (result is not null && !reloaded) Reload(changed);
            }
        });
        using var quickTimer = new Timer(_ =>
        {
            lock (gate) TryQuick();
        });
        void Changed(string fullPath)
        {
            if (!IsWatched(garden, fullPath)) return;
            saved[fullPath] = true;
            Interlocked.Exchange(ref quickTried, 0);
            quickTimer.Change(QuickDelay, Timeout.InfiniteTimeSpan);
            timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Deleted += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) => Changed(e.FullPath);
        watcher.EnableRaisingEvents = true;

        // Stop cleanly on Ctrl+C and on SIGTERM (what `timeout`, systemd and CI send).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        cancel = stop.Token;
        await app.StartAsync(cancel);
        var url = $"http://{(host.Contains(':') ? "[" + host.Trim('[', ']') + "]" : host)}:{port}/";
        Console.Out.WriteLine($"Serving {garden} at {url} (Ctrl+C to stop){(drafts ? ", drafts shown" : "")}");
        if (open) TryOpen(url);
        try
        {
            await Task.Delay(Timeout.Infinite, cancel);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
        TryDelete(Path.GetDirectoryName(site)!);
        return ExitCodes.Success;
    }

    /// <summary>
    /// The SSE message for a reload: <c>reload</c> for every open page, or the addresses of the pages that changed
    /// when only pages did (and few enough of them), so that other open pages stay as they are.
    /// </summary>
    public static string ReloadMessage(IReadOnlyCollection<string>? changed)
    {
        const string all = "data: reload\n\n";
        if (changed is null) return all;
        var pages = new List<string>();
        foreach (var path in changed)
        {
            if (path.StartsWith('/')) pages.Add(path);
            else if (path == "index.html" || path.EndsWith("/index.html", StringComparison.Ordinal)) pages.Add("/" + path[..^"index.html".Length]);
            else if (path.EndsWith(".html", StringComparison.Ordinal) && path != "explorer.html") pages.Add("/" + path);
            // Feeds, the sitemap and the search files are not part of an open page; anything else (styles, scripts, the explorer, graph data, attachments) can be.
            else if (!(path.EndsWith(".xml", StringComparison.Ordinal) || path.EndsWith("feed.json", StringComparison.Ordinal) || path.StartsWith("search/", StringComparison.Ordinal) || path == "robots.txt")) return all;
        }
        if (pages.Count > MaxNamedPages) return all;
        return "data: " + System.Text.Json.JsonSerializer.Serialize(new { pages }) + "\n\n";
    }

    /// <summary>Builds in place; returns what lets the next one-note edit show at once, or null when the build failed.</summary>
    private static QuickEdit? Rebuild(BuildOptions options, bool timings, out IReadOnlyCollection<string> changed)
    {
        changed = [];
        try
        {
            var result = SiteBuilder.Build(options);
            changed = result.ChangedFiles;
            ConsoleReporter.Diagnostics(result.Diagnostics, quiet: false);
            if (timings)
                Console.Out.WriteLine("timings: " + string.Join(", ", result.Timings.Select(t => $"{t.Stage} {t.Elapsed.TotalMilliseconds:0}")));
            Console.Out.WriteLine(result.Succeeded
                ? $"Rebuilt in {result.Elapsed.TotalMilliseconds:0} ms: {result.NotesPublished} notes, {result.FilesChanged} files changed"
                : "Build failed; the preview keeps the last good site");
            return result.Succeeded ? result.QuickEdit : null;
        }
        catch (Exception e) when (e is ConfigException or SiteGen.Output.OutputException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file in use or gone halfway through a save: the preview keeps its last site, and the next save rebuilds.
            Console.Error.WriteLine($"error: the rebuild could not finish ({e.Message}); save again to retry");
            return null;
        }
    }

    /// <summary>Changes to the notes, the theme, the overrides and sitegen.yml count; anything else in the garden (build output, dot folders) does not.</summary>
    private static bool IsWatched(string garden, string fullPath)
    {
        var relative = Path.GetRelativePath(garden, fullPath).Replace('\\', '/');
        if (relative.Split('/').Any(s => s.StartsWith('.'))) return false;
        if (relative == ConfigLoader.FileName) return true;
        SiteConfig config;
        try
        {
            config = ConfigLoader.Load(Path.Combine(garden, ConfigLoader.FileName), ConfigLoader.FileName, new SiteGen.Diagnostics.DiagnosticBag());
        }
        catch (ConfigException)
        {
            return true;
        }
        return new[] { config.Content, config.Theme, config.Overrides }.Any(folder => relative == folder || relative.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal));
    }

    private static async Task StreamReloads(HttpContext context, ConcurrentDictionary<Guid, HttpResponse> clients, Func<long> version)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync($": connected {version()}\n\n");
        await context.Response.Body.FlushAsync();
        var id = Guid.NewGuid();
        clients[id] = context.Response;
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
        clients.TryRemove(id, out _);
    }

    /// <summary>
    /// The live-reload script, and with drafts the preview banner, added to served HTML documents only. A fragment
    /// without <c>&lt;/body&gt;</c> (the theme fetches explorer.html into every page) is left as it is, or each page
    /// would get a second banner and a dead script inside its sidebar.
    /// </summary>
    internal static string Inject(string html, bool drafts)
    {
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return html;
        var addition = new StringBuilder();
        if (drafts) addition.Append("<div data-sitegen-drafts role=\"status\" style=\"position:fixed;bottom:0;left:0;right:0;z-index:99;padding:.4rem 1rem;background:#a14f00;color:#fff;font:14px system-ui;text-align:center\">Preview with drafts: draft notes are shown here and are never published.</div>");
        // "reload" reloads every open page; {"pages":[...]} only the pages named (site paths, as location.pathname decodes).
        addition.Append("<script>new EventSource(\"").Append(ReloadPath).Append("\").onmessage=function(e){if(e.data===\"reload\"){location.reload();return}try{var p=JSON.parse(e.data).pages,h=decodeURIComponent(location.pathname);if(p.indexOf(h)>=0||p.indexOf(h.replace(/index\\.html$/,\"\"))>=0)location.reload()}catch(_){}};</script>");
        return html.Insert(at, addition.ToString());
    }

    private static void TryOpen(string url)
    {
        try
        {
            System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(url) { UseShellExecute = true });
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Console.Error.WriteLine($"could not open a browser: {e.Message}");
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
