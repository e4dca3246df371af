using Markdig.Syntax;

namespace SiteGen.Markdown.Embeds;

/// <summary>What an embed resolved to.</summary>
public abstract record EmbedSource(string Href);

/// <summary>An attachment: image, audio, video, PDF or any other file.</summary>
public sealed record MediaEmbed(string Href, MediaKind Kind) : EmbedSource(Href)
{
    /// <summary>An image's pixel size when its header could be read.</summary>
    public Images.ImageSize? Size { get; init; }
}

/// <summary>
/// A public note to transclude. <paramref name="Key"/> identifies the note for cycle detection;
/// <paramref name="Fragment"/> is a heading id (as produced by auto-identifiers) or <c>^blockid</c>, or null for the whole note.
/// The note's tree is loaded (parsed and linked) only when it is first needed, so no build keeps every tree alive;
/// a tree belongs to the one embed that loaded it, and is read by one thread.
/// </summary>
public sealed record NoteEmbed(string Href, string Key, string Title, Func<MarkdownDocument> Load, string? Fragment) : EmbedSource(Href)
{
    private MarkdownDocument? _document;

    public MarkdownDocument Document => _document ??= Load();
}

public enum MediaKind { Image, Audio, Video, Pdf, Other }
