using System.Text;
using SiteGen.Configuration;
using SiteGen.Diagnostics;
using SiteGen.Incremental;
using SiteGen.Markdown.Comments;
using SiteGen.Vault;

namespace SiteGen.Notes;

/// <summary>
/// The filter stage: reads each note's front matter, applies the publish rules, and keeps the bodies of
/// public notes only. Nothing after this stage can see a private note's text.
/// </summary>
public static class NoteLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="history">First and last commit dates by content path, used when the front matter has no dates.</param>
    /// <param name="cache">Front matter already read from the same text, to reuse.</param>
    public static NoteSet Load(IReadOnlyList<VaultFile> files, SiteConfig config, DiagnosticBag diagnostics, string contentPrefix, bool includeDrafts = false, IReadOnlyDictionary<string, GitHistory.FileDates>? history = null, BuildCache? cache = null)
    {
        var notes = files.Where(f => f.IsNote).ToList();
        var results = new Note?[notes.Count];
        Parallel.For(0, notes.Count, i => results[i] = LoadOne(notes[i], config, diagnostics, contentPrefix + notes[i].Path, includeDrafts, history, cache));

        var publicNotes = new List<Note>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var note in results.OfType<Note>())
        {
            if (seen.Add(note.Path)) publicNotes.Add(note);
            else diagnostics.Warn("SG0102", "another public note has the same name once Unicode-normalised; this one is skipped", note.SourceFile);
        }
        var privatePaths = notes.Where((_, i) => results[i] is null).Select(f => f.Path).ToList();
        var attachments = files.Where(f => !f.IsNote).ToList();
        return new NoteSet(publicNotes, attachments, privatePaths);
    }

    /// <summary>One note file through the filter: the public note, or null when it is private or unreadable (with the reason in <paramref name="diagnostics"/>).</summary>
    internal static Note? LoadOne(VaultFile file, SiteConfig config, DiagnosticBag diagnostics, string display, bool includeDrafts, IReadOnlyDictionary<string, GitHistory.FileDates>? history, BuildCache? cache)
    {
        byte[] bytes;
        var tooLarge = file.Length > config.MaxNoteBytes;
        try
        {
            bytes = tooLarge ? ReadHead(file.FullPath, FrontMatterReader.MaxBytes + 1024) : File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warn("SG0104", $"note cannot be read ({e.Message}); it stays private", display);
            return null;
        }

        if (!TryDecode(bytes, tooLarge, out var text, out var badOffset))
        {
            diagnostics.Warn("SG0105", $"note is not valid UTF-8 text (byte {badOffset}); it stays private", display);
            return null;
        }

        var textKey = cache is null ? UInt128.Zero : new KeyBuilder().Add(display).Add(text).Build();
        var cached = cache?.TryGetHeader(textKey);
        var header = cached?.Header ?? FrontMatterReader.Read(text, display);
        cache?.PutHeader(textKey, header, cached?.Body);
        foreach (var problem in header.Problems) diagnostics.Add(problem);
        if (!PublishRules.IsPublic(header.FrontMatter, config.PublishMode, includeDrafts)) return null;

        var meta = header.FrontMatter!;
        if (tooLarge)
        {
            diagnostics.Error("SG0106", $"note is larger than {config.MaxNoteBytes} bytes (markdown.maxNoteBytes)", display);
            return null;
        }

        var body = cached?.Body ?? CommentStripper.Strip(text[header.BodyStart..]);
        if (cached?.Body is null) cache?.PutHeader(textKey, header, body);
        // Front matter first, then git history, then the file time (which a fresh checkout resets).
        GitHistory.FileDates? git = history is not null && history.TryGetValue(file.Path, out var dates) ? dates : null;
        var created = meta.Created ?? git?.First ?? (meta.Updated is { } u && u < file.LastWriteUtc ? u : file.LastWriteUtc);
        var updated = meta.Updated ?? git?.Last ?? (meta.Created is { } c && c > file.LastWriteUtc ? c : file.LastWriteUtc);
        if (updated < created) updated = created;
        var title = string.IsNullOrWhiteSpace(meta.Title) ? file.Stem : meta.Title.Trim();
        return new Note(file.Path, display, title, meta, body, header.BodyLine, created, updated);
    }

    private static byte[] ReadHead(string path, int count)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[count];
        var read = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return buffer[..read];
    }

    private static bool TryDecode(byte[] bytes, bool truncated, out string text, out int badOffset)
    {
        text = "";
        badOffset = Array.IndexOf(bytes, (byte)0);
        if (badOffset >= 0) return false;
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[3..];
        try
        {
            // A head cut from a large file may end inside a character; that is not the author's fault.
            text = truncated ? Encoding.UTF8.GetString(span) : StrictUtf8.GetString(span);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            badOffset = e.Index;
            return false;
        }
    }
}
