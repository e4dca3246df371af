using System.Text.RegularExpressions;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Markdown.Embeds;
using SiteGen.Markdown.Images;
using SiteGen.Markdown.Tags;
using SiteGen.Markdown.WikiLinks;
using SiteGen.Notes;
using SiteGen.Vault;

namespace SiteGen.Linking;

/// <summary>
/// Resolves every link, embed and tag of one parsed note and writes the result onto its syntax tree, so that
/// rendering only reads. Runs in parallel across notes: it mutates only its own note's tree.
/// </summary>
/// <param name="assumed">
/// Collects the fragments (target path, id) taken on trust because the target's ids are not known yet; needed when
/// any are. The build checks them once every note's ids are known, and links a note again if one was wrong.
/// </param>
internal sealed partial class NoteLinker(
    LinkResolver resolver,
    IReadOnlyDictionary<string, LinkedPage> pages,
    PrivateNames privateNames,
    PrivateNames unplacedNames,
    Func<VaultFile, SitePath> attachmentUrl,
    Func<VaultFile, ImageSize?> imageSize,
    string basePath,
    DiagnosticBag diagnostics,
    ICollection<(string Target, string Id)>? assumed = null)
{
    public sealed record Result(
        IReadOnlyList<(string Target, Block Context, string LinkText)> Outlinks,
        IReadOnlyList<VaultFile> Attachments,
        IReadOnlyList<string> InlineTags,
        IReadOnlyList<Heading> Headings,
        string Text,
        bool HasMath,
        bool HasMermaid);

    /// <param name="loaded">Collects the paths of the notes whose trees embeds load while this note renders.</param>
    public Result Link(Note note, MarkdownDocument document, ICollection<string>? loaded = null)
    {
        var outlinks = new List<(string, Block, string)>();
        var attachments = new List<VaultFile>();
        var tags = new List<string>();
        var headings = new List<Heading>();
        var hasMath = false;
        var hasMermaid = false;

        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case WikiLinkInline link:
                    LinkWiki(note, link, outlinks, attachments);
                    break;
                case EmbedInline embed:
                    LinkEmbed(note, embed, outlinks, attachments, loaded);
                    break;
                case TagInline tag when TagName.Normalize(tag.Tag) is { } name:
                    tag.Href = UrlAssigner.ForTag(name).Href(basePath);
                    tags.Add(name);
                    break;
                case LinkInline markdownLink:
                    LinkMarkdown(note, markdownLink, outlinks, attachments);
                    break;
                case AutolinkInline autolink when !IsSafeScheme(autolink.Url):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    Warn(note, autolink, "SG0503", "link with an unsafe scheme removed");
                    break;
                case HeadingBlock heading when heading.GetAttributes().Id is { } id:
                    headings.Add(new Heading(heading.Level, PlainText.Of(heading.Inline).Trim(), id));
                    break;
                case MathInline or MathBlock:
                    hasMath = true;
                    break;
                case FencedCodeBlock { Info: "mermaid" }:
                    hasMermaid = true;
                    break;
            }
        }

        return new Result(outlinks, attachments, tags, headings, PlainText.OfBlock(document), hasMath, hasMermaid);
    }

    private void LinkWiki(Note note, WikiLinkInline link, List<(string, Block, string)> outlinks, List<VaultFile> attachments)
    {
        var target = resolver.Resolve(link.Target, note);
        if (target is null)
        {
            ReportUnresolved(note, link, link.Target);
            return;
        }
        ReportAmbiguity(note, link, link.Target, target);
        if (target.Attachment is { } file)
        {
            attachments.Add(file);
            link.Href = attachmentUrl(file).Href(basePath);
            return;
        }
        var page = pages[target.Note!.Path];
        link.Href = page.Url.Href(basePath) + Fragment(note, link, page, link.Fragment);
        if (!ReferenceEquals(target.Note, note)) outlinks.Add((target.Note.Path, ContextBlock(link), link.DisplayText));
    }

    private void LinkEmbed(Note note, EmbedInline embed, List<(string, Block, string)> outlinks, List<VaultFile> attachments, ICollection<string>? loaded)
    {
        var target = resolver.Resolve(embed.Target, note);
        if (target is null)
        {
            ReportUnresolved(note, embed, embed.Target);
            return;
        }
        ReportAmbiguity(note, embed, embed.Target, target);
        if (target.Attachment is { } file)
        {
            attachments.Add(file);
            var kind = MediaKinds.Of(file.Path);
            embed.Source = new MediaEmbed(attachmentUrl(file).Href(basePath), kind) { Size = kind == MediaKind.Image ? imageSize(file) : null };
            return;
        }
        var page = pages[target.Note!.Path];
        string? id = null;
        if (embed.Fragment is { } fragment)
        {
            id = FragmentId(fragment);
            if (!Holds(page, id))
            {
                Warn(note, embed, "SG0504", $"embedded section '#{fragment}' is not in the target note; the embed is left out");
                return;
            }
        }
        embed.Source = new NoteEmbed(page.Url.Href(basePath), page.Note.Path, page.Note.Title, () => LoadForEmbed(page.Note, loaded), id);
        if (!ReferenceEquals(target.Note, note)) outlinks.Add((target.Note.Path, ContextBlock(embed), ""));
    }

    /// <summary>
    /// A fresh, linked tree of an embedded note. Its problems were reported when the note itself was linked, so
    /// this pass reports nothing.
    /// </summary>
    private MarkdownDocument LoadForEmbed(Note target, ICollection<string>? loaded)
    {
        loaded?.Add(target.Path);
        var document = SiteGenMarkdown.Parse(target.Body);
        new NoteLinker(resolver, pages, privateNames, unplacedNames, attachmentUrl, imageSize, basePath, new DiagnosticBag(), assumed).Link(target, document, loaded);
        return document;
    }

    private void LinkMarkdown(Note note, LinkInline link, List<(string, Block, string)> outlinks, List<VaultFile> attachments)
    {
        var url = link.Url ?? "";
        if (url.Length == 0 || url.StartsWith('#')) return;
        if (SchemePattern().IsMatch(url))
        {
            if (IsSafeScheme(url) || (link.IsImage && SafeImageData().IsMatch(url))) return;
            Warn(note, link, "SG0503", "link with an unsafe scheme removed");
            Unresolve(link);
            return;
        }
        var hash = url.IndexOf('#');
        var path = hash >= 0 ? url[..hash] : url;
        var fragment = hash >= 0 ? url[(hash + 1)..] : null;
        string decodedPath;
        try
        {
            decodedPath = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            decodedPath = path;
        }
        var target = resolver.ResolveRelative(decodedPath, note);
        if (target is null)
        {
            ReportUnresolved(note, link, decodedPath);
            Unresolve(link);
            return;
        }
        if (target.Attachment is { } file)
        {
            attachments.Add(file);
            link.Url = attachmentUrl(file).Href(basePath);
            ImageLoadingExtension.SetSize(link, imageSize(file));
            return;
        }
        var page = pages[target.Note!.Path];
        link.Url = page.Url.Href(basePath) + Fragment(note, link, page, fragment is null ? null : Uri.UnescapeDataString(fragment));
        link.GetAttributes().AddClass("internal");
        if (!ReferenceEquals(target.Note, note)) outlinks.Add((target.Note.Path, ContextBlock(link), PlainText.Of(link)));
    }

    /// <summary>An unresolved markdown link or image becomes the same markup as an unresolved wikilink or embed.</summary>
    private static void Unresolve(LinkInline link)
    {
        Inline replacement = link.IsImage
            ? new EmbedInline { Target = "" }
            : new WikiLinkInline { Target = "", Label = PlainText.Of(link) };
        link.ReplaceBy(replacement);
    }

    private string Fragment(Note note, Inline at, LinkedPage page, string? fragment)
    {
        if (string.IsNullOrEmpty(fragment)) return "";
        var id = FragmentId(fragment);
        if (Holds(page, id)) return "#" + id;
        Warn(note, at, "SG0505", $"'#{fragment}' matches no heading or block in '{page.Note.Title}'; the link goes to the top of the page");
        return "";
    }

    /// <summary>Whether the page has the id; taken on trust, and noted, while its ids are not known.</summary>
    private bool Holds(LinkedPage page, string id)
    {
        if (page.Ids is { } ids) return ids.Contains(id);
        (assumed ?? throw new InvalidOperationException("a page's ids are unknown, and nothing collects assumed fragments")).Add((page.Note.Path, id));
        return true;
    }

    /// <summary><c>^block</c> stays as it is; a heading path <c>H1#H2</c> uses its last part, through the same function that gives headings their ids.</summary>
    private static string FragmentId(string fragment)
    {
        if (fragment.StartsWith('^')) return fragment;
        var last = fragment.Split('#', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return SiteGenMarkdown.HeadingId(last);
    }

    private void ReportUnresolved(Note note, MarkdownObject at, string target)
    {
        // A public note without an address already has an error of its own (a collision or a bad permalink).
        if (unplacedNames.Matches(target, out _)) return;
        if (privateNames.Matches(target, out var privateName))
            Warn(note, at, "SG0502", $"link to a private note ({privateName}) renders as plain text");
        else
            Warn(note, at, "SG0501", $"link target '{target}' matches no public note or attachment");
    }

    private void ReportAmbiguity(Note note, MarkdownObject at, string target, ResolvedTarget resolved)
    {
        if (resolved.Candidates.Count > 1)
            Warn(note, at, "SG0506", $"'{target}' is ambiguous ({string.Join(", ", resolved.Candidates)}); it goes to '{resolved.Note?.Path ?? resolved.Attachment?.Path}'");
    }

    private void Warn(Note note, MarkdownObject at, string code, string message) =>
        diagnostics.Warn(code, message, note.SourceFile, note.BodyLine + Math.Max(at.Line, 0), at.Column + 1);

    private static Block ContextBlock(Inline inline)
    {
        var root = inline;
        while (root.Parent is { } parent) root = parent;
        return (root as ContainerInline)?.ParentBlock ?? throw new InvalidOperationException("inline outside a block");
    }

    private static bool IsSafeScheme(string url) => SafeScheme().IsMatch(url);

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePattern();

    [GeneratedRegex("^(https?|mailto|tel):", RegexOptions.IgnoreCase)]
    private static partial Regex SafeScheme();

    [GeneratedRegex("^data:image/(png|jpeg|gif|webp);", RegexOptions.IgnoreCase)]
    private static partial Regex SafeImageData();
}
