using SiteGen.Markdown.Embeds;

namespace SiteGen.Linking;

internal static class MediaKinds
{
    public static MediaKind Of(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp" or ".svg" or ".avif" or ".bmp" => MediaKind.Image,
        ".mp3" or ".wav" or ".ogg" or ".m4a" or ".flac" or ".3gp" => MediaKind.Audio,
        ".mp4" or ".webm" or ".mov" or ".ogv" or ".mkv" => MediaKind.Video,
        ".pdf" => MediaKind.Pdf,
        _ => MediaKind.Other,
    };
}
