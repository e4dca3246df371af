using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Linking;

/// <summary>Turns names into URL segments: lowercase, NFC, letters and digits kept, every other run becomes '-'.</summary>
public static class Slugger
{
    /// <summary>The slug of one segment, or "" when nothing of it survives.</summary>
    public static string Segment(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var pendingDash = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var keep = Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (!keep)
            {
                pendingDash = builder.Length > 0;
                continue;
            }
            if (pendingDash)
            {
                builder.Append('-');
                pendingDash = false;
            }
            builder.Append(Rune.ToLowerInvariant(rune).ToString());
        }
        return builder.ToString();
    }

    /// <summary>A segment's slug, or a stable hash-based one when the slug would be empty (a name of only symbols or emoji).</summary>
    public static string SegmentOrHash(string text, out bool hashed)
    {
        var slug = Segment(text);
        hashed = slug.Length == 0;
        return hashed ? "n-" + ShortHash(text) : slug;
    }

    /// <summary>Eight hex digits of SHA-256, used where a name must be stable but not shown.</summary>
    public static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Normalize(NormalizationForm.FormC))))[..8];
}
