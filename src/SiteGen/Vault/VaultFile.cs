namespace SiteGen.Vault;

/// <summary>A file in the content folder.</summary>
/// <param name="Path">Relative to the content folder, NFC-normalised, '/' separated.</param>
/// <param name="FullPath">Where to read it.</param>
public sealed record VaultFile(string Path, string FullPath, long Length, DateTimeOffset LastWriteUtc)
{
    public bool IsNote => Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name without its folder or extension, as Obsidian shows it.</summary>
    public string Stem => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The folder part, "" at the root.</summary>
    public string Folder => Path.LastIndexOf('/') is var i and >= 0 ? Path[..i] : "";
}
