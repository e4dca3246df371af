namespace SiteGen.Notes;

/// <summary>A public note, read and filtered, not yet parsed.</summary>
/// <param name="Path">Relative to the content folder, NFC, '/' separated, extension included.</param>
/// <param name="SourceFile">Relative to the garden root, for diagnostics.</param>
/// <param name="Body">The markdown after the front matter, with <c>%% comments %%</c> removed.</param>
/// <param name="BodyLine">Line of the file where <paramref name="Body"/> starts.</param>
public sealed record Note(
    string Path,
    string SourceFile,
    string Title,
    FrontMatter Meta,
    string Body,
    int BodyLine,
    DateTimeOffset Created,
    DateTimeOffset Updated)
{
    /// <summary>The file name without folder or extension.</summary>
    public string Stem => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The folder part, "" at the root.</summary>
    public string Folder => Path.LastIndexOf('/') is var i and >= 0 ? Path[..i] : "";
}
