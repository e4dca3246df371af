using System.Text;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;
using SiteGen.Markdown.BlockIds;
using SiteGen.Markdown.Callouts;
using SiteGen.Markdown.CodeHighlighting;
using SiteGen.Markdown.Embeds;
using SiteGen.Markdown.Images;
using SiteGen.Markdown.Tags;
using SiteGen.Markdown.TaskLists;
using SiteGen.Markdown.WikiLinks;

namespace SiteGen.Markdown;

/// <summary>The one Markdig pipeline for Obsidian-flavoured markdown, shared by every parse.</summary>
public static class SiteGenMarkdown
{
    /// <summary>
    /// Built once. Markdig pipelines are safe to share between threads; our extensions keep per-render state
    /// only in renderer instances, of which <see cref="RenderHtml"/> keeps one per thread.
    /// </summary>
    /// <remarks>
    /// Not <c>UseAdvancedExtensions</c>: it brings generic attributes (<c>{onclick=…}</c>), an XSS hole.
    /// Emphasis extras are limited to <c>~~strike~~</c> and <c>==mark==</c>, as in Obsidian; superscript would
    /// claim the <c>^</c> of block ids. Mermaid blocks become <c>&lt;div class="mermaid"&gt;</c> (the diagrams
    /// extension) for the theme's mermaid script to draw;
    /// code highlighting comes after the diagrams so that it leaves those blocks to Markdig.
    /// </remarks>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseTaskLists()
        .UseTaskListLabels()
        .UseMathematics()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Marked)
        .UseDefinitionLists()
        .UseAutoLinks()
        .UseListExtras()
        .UseDiagrams()
        .UseCodeHighlighting()
        .UseCallouts()
        .UseBlockIds()
        .UseWikiLinks()
        .UseEmbeds()
        .UseImageLoading()
        .UseTags()
        .Build();

    /// <summary>Parses a note's markdown. Comments must already be gone (<see cref="Comments.CommentStripper"/>).</summary>
    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>Renders a parsed (and linked) document to HTML.</summary>
    /// <param name="document">The document.</param>
    /// <param name="noteKey">The <see cref="NoteEmbed.Key"/> of the note being rendered, so it cannot transclude itself.</param>
    public static string RenderHtml(MarkdownDocument document, string? noteKey = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        // The thread's renderer, taken while in use: setting up a renderer builds every object renderer of the
        // pipeline, and a fresh writer regrows its buffer for every note.
        var cached = _renderer ?? new CachedRenderer();
        _renderer = null;
        cached.Builder.Clear();
        cached.Embeds.HostKey = noteKey;
        cached.Renderer.Render(document);
        cached.Writer.Flush();
        var html = cached.Builder.ToString();
        // A renderer that failed half-way is dropped with its state; one grown by a huge note is not kept either.
        if (cached.Builder.Capacity <= 1024 * 1024) _renderer = cached;
        return html;
    }

    [ThreadStatic] private static CachedRenderer? _renderer;

    private sealed class CachedRenderer
    {
        public CachedRenderer()
        {
            Writer = new StringWriter(Builder, System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
            Renderer = new HtmlRenderer(Writer);
            Pipeline.Setup(Renderer);
            Embeds = Renderer.ObjectRenderers.Find<HtmlEmbedRenderer>()!;
        }

        public StringBuilder Builder { get; } = new(16 * 1024);
        public StringWriter Writer { get; }
        public HtmlRenderer Renderer { get; }
        public HtmlEmbedRenderer Embeds { get; }
    }

    /// <summary>
    /// The id a heading with this text gets, GitHub style, exactly as the auto-identifiers compute it (before
    /// the <c>-1</c>, <c>-2</c> suffixes for repeats): <c>How large is it?</c> gives <c>how-large-is-it</c>.
    /// </summary>
    public static string HeadingId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var id = LinkHelper.UrilizeAsGfm(text);
        return id.Length == 0 ? "section" : id;
    }
}
