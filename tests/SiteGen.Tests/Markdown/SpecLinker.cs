using Markdig.Syntax;
using SiteGen.Markdown;
using SiteGen.Markdown.Embeds;
using SiteGen.Markdown.Tags;
using SiteGen.Markdown.WikiLinks;

namespace SiteGen.Tests.Markdown;

/// <summary>
/// Stands in for the Linking stage in spec tests, with a fixed convention (repeated at the top of each spec):
/// <list type="bullet">
/// <item>Anything whose target (or tag) starts with <c>missing</c> stays unresolved.</item>
/// <item><c>[[Some Note#Heading]]</c> goes to <c>/some-note/#heading</c>: lowercased, spaces to <c>-</c>,
/// <c>.md</c> dropped; the fragment's last part through <see cref="SiteGenMarkdown.HeadingId"/>, <c>^ids</c> kept.
/// <c>[[#Heading]]</c> goes to <c>#heading</c>.</item>
/// <item><c>#Tag/Sub</c> goes to <c>/tags/tag/sub/</c>.</item>
/// <item>Embeds of <c>.png .jpg .gif .svg</c> are images, <c>.mp3 .ogg .wav</c> audio, <c>.mp4 .webm</c> video,
/// <c>.pdf</c> PDF, any other extension a plain file, all at <c>/</c> + the lowercased path.</item>
/// <item>Embeds without an extension are notes from <see cref="Notes"/>; a name not there stays unresolved.</item>
/// </list>
/// </summary>
internal static class SpecLinker
{
    /// <summary>The in-memory vault that note embeds resolve against.</summary>
    public static readonly IReadOnlyDictionary<string, string> Notes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Recipe"] = "Intro text.\n\n## Ingredients\n\n- flour\n- water ^water\n\n### Notes\n\nSift the flour.\n\n## Steps\n\nMix well. ^mix\n",
        ["Self"] = "Self text.\n\n![[Self]]\n",
        ["Ping"] = "Ping text.\n\n![[Pong]]\n",
        ["Pong"] = "Pong text.\n\n![[Ping]]\n",
        ["Level1"] = "One.\n\n![[Level2]]\n",
        ["Level2"] = "Two.\n\n![[Level3]]\n",
        ["Level3"] = "Three.\n\n![[Level4]]\n",
        ["Level4"] = "Four.\n",
    };

    private static readonly Lazy<Dictionary<string, MarkdownDocument>> Vault = new(BuildVault);

    public static MarkdownDocument Document(string name) => Vault.Value[name];

    public static void Link(MarkdownDocument document) => Link(document, Vault.Value);

    private static Dictionary<string, MarkdownDocument> BuildVault()
    {
        var documents = Notes.ToDictionary(pair => pair.Key, pair => SiteGenMarkdown.Parse(pair.Value), StringComparer.OrdinalIgnoreCase);
        foreach (var document in documents.Values) Link(document, documents);
        return documents;
    }

    private static void Link(MarkdownDocument document, Dictionary<string, MarkdownDocument> vault)
    {
        foreach (var link in document.Descendants<WikiLinkInline>())
        {
            if (IsMissing(link.Target)) continue;
            var page = link.Target.Length == 0 ? "" : "/" + Slug(link.Target) + "/";
            link.Href = page + (link.Fragment is null ? "" : "#" + FragmentId(link.Fragment));
        }

        foreach (var tag in document.Descendants<TagInline>())
        {
            if (!IsMissing(tag.Tag)) tag.Href = "/tags/" + tag.Tag.ToLowerInvariant() + "/";
        }

        foreach (var embed in document.Descendants<EmbedInline>())
        {
            if (IsMissing(embed.Target)) continue;
            var extension = Path.GetExtension(embed.Target).ToLowerInvariant();
            if (extension is "" or ".md")
            {
                var name = Path.GetFileNameWithoutExtension(embed.Target);
                if (vault.TryGetValue(name, out var note))
                {
                    var fragment = embed.Fragment is null ? null : FragmentId(embed.Fragment);
                    embed.Source = new NoteEmbed("/" + Slug(name) + "/", name, name, () => note, fragment);
                }
                continue;
            }

            var kind = extension switch
            {
                ".png" or ".jpg" or ".gif" or ".svg" => MediaKind.Image,
                ".mp3" or ".ogg" or ".wav" => MediaKind.Audio,
                ".mp4" or ".webm" => MediaKind.Video,
                ".pdf" => MediaKind.Pdf,
                _ => MediaKind.Other,
            };
            embed.Source = new MediaEmbed("/" + embed.Target.ToLowerInvariant().Replace(' ', '-'), kind);
        }
    }

    private static bool IsMissing(string target) => target.StartsWith("missing", StringComparison.OrdinalIgnoreCase);

    private static string Slug(string target)
    {
        var path = target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? target[..^3] : target;
        return path.ToLowerInvariant().Replace(' ', '-');
    }

    private static string FragmentId(string fragment)
    {
        if (fragment.StartsWith('^')) return fragment;
        var last = fragment[(fragment.LastIndexOf('#') + 1)..];
        return SiteGenMarkdown.HeadingId(last);
    }
}
