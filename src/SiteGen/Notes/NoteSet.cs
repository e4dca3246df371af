using SiteGen.Vault;

namespace SiteGen.Notes;

/// <summary>
/// The output of the filter stage: public notes with their bodies, and attachments that may be published.
/// Private notes are reduced to their paths, which only diagnostics may use.
/// </summary>
public sealed record NoteSet(IReadOnlyList<Note> Notes, IReadOnlyList<VaultFile> Attachments, IReadOnlyList<string> PrivatePaths);
