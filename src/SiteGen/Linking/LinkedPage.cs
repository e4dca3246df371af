using SiteGen.Notes;

namespace SiteGen.Linking;

/// <summary>What every note's linker may know about another public note: its address and fragment ids.</summary>
/// <param name="Ids">The note's heading and block ids; null while not yet known (a cold build learns them as it compiles
/// each note, and checks the fragments it linked to afterwards: see <see cref="NoteLinker"/>).</param>
internal sealed record LinkedPage(Note Note, SitePath Url, IReadOnlySet<string>? Ids);
