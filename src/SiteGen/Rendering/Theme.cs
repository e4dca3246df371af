using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Rendering;

/// <summary>
/// The theme's templates, each parsed once, with a garden's override folder taking precedence file by file,
/// and the list of asset files to copy. Rendering is thread-safe: each call uses a fresh context.
/// </summary>
public sealed class Theme
{
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);
    private readonly ScriptObject _builtins;
    private readonly ThreadLocal<HtmlTemplateContext?> _contexts = new();

    /// <summary>Asset files: site-relative path (under <c>assets/</c>) to full path, overrides first.</summary>
    public IReadOnlyDictionary<string, string> Assets { get; }

    /// <summary>Browser libraries the theme takes from npm (never committed), and where the site serves them.</summary>
    /// A folder entry copies its files of the given extension (KaTeX's fonts: woff2 only, which every current browser reads).
    public static readonly IReadOnlyList<(string Package, string Target)> VendorFiles =
    [
        ("lunr/lunr.min.js", "assets/lunr.min.js"),
        ("katex/dist/katex.min.js", "assets/katex/katex.min.js"),
        ("katex/dist/katex.min.css", "assets/katex/katex.min.css"),
        ("katex/dist/fonts/*.woff2", "assets/katex/fonts"),
        ("mermaid/dist/mermaid.min.js", "assets/mermaid/mermaid.min.js"),
    ];

    /// <summary>A hash of every template's name and text: a page made with other templates is made again.</summary>
    public UInt128 Key { get; }

    /// <summary>Vendor files not installed in the theme's <c>node_modules</c>.</summary>
    public IReadOnlyList<string> MissingVendorFiles { get; }

    private Theme(string themeDir, string? overridesDir, string displayTheme, string displayOverrides)
    {
        var sources = new SortedDictionary<string, (string Full, string Display)>(StringComparer.Ordinal);
        foreach (var (dir, display) in new[] { (themeDir, displayTheme), (overridesDir, displayOverrides) })
        {
            if (dir is null || !Directory.Exists(dir)) continue;
            foreach (var sub in new[] { "layouts", "partials" })
            {
                var folder = Path.Combine(dir, sub);
                if (!Directory.Exists(folder)) continue;
                foreach (var file in Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(dir, file).Replace('\\', '/');
                    sources[relative] = (file, display + "/" + relative);
                }
            }
        }
        var key = new Incremental.KeyBuilder();
        foreach (var (name, (full, display)) in sources)
        {
            var text = File.ReadAllText(full);
            key.Add(name).Add(display).Add(text);
            var template = Template.Parse(text, display);
            if (template.HasErrors)
            {
                var first = template.Messages.First();
                throw new TemplateException($"{display}:{first.Span.Start.Line + 1}:{first.Span.Start.Column + 1}: error SG0601: {first.Message}");
            }
            _templates[name] = template;
        }
        Key = key.Build();

        var assets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in new[] { themeDir, overridesDir })
        {
            var folder = dir is null ? null : Path.Combine(dir, "assets");
            if (folder is null || !Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                if (new FileInfo(file).LinkTarget is not null) continue;
                assets["assets/" + Path.GetRelativePath(folder, file).Replace('\\', '/')] = file;
            }
        }
        var missing = new List<string>();
        foreach (var (package, target) in VendorFiles)
        {
            var file = Path.Combine(themeDir, "node_modules", package);
            if (Path.GetFileName(package).StartsWith("*.", StringComparison.Ordinal))
            {
                var folder = Path.GetDirectoryName(file)!;
                if (!Directory.Exists(folder)) missing.Add(package);
                else foreach (var font in Directory.EnumerateFiles(folder, Path.GetFileName(package)).Order(StringComparer.Ordinal))
                    assets.TryAdd(target + "/" + Path.GetFileName(font), font);
            }
            else if (File.Exists(file)) assets.TryAdd(target, file);
            else missing.Add(package);
        }
        Assets = assets;
        MissingVendorFiles = missing;

        _builtins = TemplateContext.GetDefaultBuiltinObject();
        _builtins.Remove("include");
        _builtins.Import("include", new Func<TemplateContext, string, object>(Include));
    }

    public static Theme Load(string themeDir, string? overridesDir, string displayTheme, string displayOverrides) =>
        new(themeDir, overridesDir, displayTheme, displayOverrides);

    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>Renders <paramref name="name"/> (e.g. <c>layouts/note.html</c>) with the given globals.</summary>
    public string Render(string name, IReadOnlyDictionary<string, object?> globals) => Render(name, globals, Target.Text);

    /// <summary>
    /// Renders a page: <paramref name="main"/> (its kind's layout), then <paramref name="layout"/> around it, which
    /// writes it with <c>{{ main }}</c>. The UTF-8 bytes live in a buffer of the calling thread and are valid until
    /// its next page: write them out, or copy them, first.
    /// </summary>
    public ReadOnlySpan<byte> RenderPage(string main, string layout, Dictionary<string, object?> globals)
    {
        Render(main, globals, Target.Main);
        globals["main"] = new MainHtml(_contexts.Value!.MainOutput.Builder);
        Render(layout, globals, Target.Page);
        return _contexts.Value!.PageOutput.Bytes;
    }

    private enum Target { Text, Main, Page }

    private string Render(string name, IReadOnlyDictionary<string, object?> globals, Target target)
    {
        if (!_templates.TryGetValue(name, out var template))
            throw new TemplateException($"{name}: error SG0602: the theme has no template '{name}'");
        // One context per thread, reused: a context caches member accessors per type, so a fresh one per page
        // repeats that reflection and its garbage for every page (DESIGN §13). Each render gets its own global scope
        // and output, and a context that saw an error is dropped.
        var context = _contexts.Value ??= new HtmlTemplateContext(_builtins);
        var scope = new ScriptObject();
        foreach (var (key, value) in globals) scope.SetValue(key, value, readOnly: false);
        context.PushGlobal(scope);
        switch (target)
        {
            case Target.Main:
                context.MainOutput.Builder.Clear();
                context.PushOutput(context.MainOutput);
                break;
            case Target.Page:
                context.PageOutput.Clear();
                context.PushOutput(context.PageOutput);
                break;
            default:
                context.PushReusedOutput();
                break;
        }
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            _contexts.Value = null;
            throw new TemplateException($"{Where(e.Span)}: error SG0603: {e.OriginalMessage}");
        }
        catch
        {
            _contexts.Value = null;
            throw;
        }
        finally
        {
            if (_contexts.Value is not null)
            {
                if (target == Target.Text) context.PopReusedOutput();
                else context.PopOutput();
                context.PopGlobal();
            }
        }
    }

    private object Include(TemplateContext context, string name)
    {
        if (!_templates.TryGetValue(name, out var template))
            throw new ScriptRuntimeException(context.CurrentSpan, $"the theme has no template '{name}' to include");
        var html = (HtmlTemplateContext)context;
        if (++html.IncludeDepth > 32) throw new ScriptRuntimeException(context.CurrentSpan, "includes are nested more than 32 deep");
        // {{ include "x" }} standing alone writes its result where it stands, so the partial writes straight there
        // instead of into a string that is then copied. Anywhere else ({{ x = include "y" }}) the result is a value.
        var inPlace = context.CurrentNode is ScriptFunctionCall { Parent: ScriptExpressionStatement };
        if (inPlace) html.PushPassThroughOutput();
        else html.PushReusedOutput();
        try
        {
            var text = template.Render(context);
            return inPlace ? RawHtml.Empty : new RawHtml(text ?? "");
        }
        finally
        {
            if (inPlace) html.PopPassThroughOutput();
            else html.PopReusedOutput();
            html.IncludeDepth--;
        }
    }

    private static string Where(SourceSpan span) => $"{span.FileName}:{span.Start.Line + 1}:{span.Start.Column + 1}";
}
