using SiteGen.Notes;

namespace SiteGen.Linking;

/// <summary>What every note's linker may know about another public note: its address and fragment ids.</summary>
internal sealed record LinkedPage(Note Note, SitePath Url, IReadOnlySet<string> Ids);
