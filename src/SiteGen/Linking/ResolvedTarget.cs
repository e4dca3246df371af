using SiteGen.Notes;
using SiteGen.Vault;

namespace SiteGen.Linking;

/// <summary>What a link target matched: a public note or an attachment. <paramref name="Candidates"/> counts the equally good matches (over 1 is ambiguous).</summary>
public sealed record ResolvedTarget(Note? Note, VaultFile? Attachment, IReadOnlyList<string> Candidates);
