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
/// </summary>
public sealed record NoteEmbed(string Href, string Key, string Title, MarkdownDocument Document, string? Fragment) : EmbedSource(Href);

public enum MediaKind { Image, Audio, Video, Pdf, Other }
