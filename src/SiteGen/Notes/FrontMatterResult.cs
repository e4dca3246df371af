using SiteGen.Diagnostics;

namespace SiteGen.Notes;

/// <summary>What <see cref="FrontMatterReader"/> made of a note's header.</summary>
/// <param name="FrontMatter">Null when there is a header but it cannot be used; the note is then private.</param>
/// <param name="HasHeader">Whether the note starts with a <c>---</c> block.</param>
/// <param name="BodyStart">Offset of the body in the text.</param>
/// <param name="BodyLine">1-based line number where the body starts.</param>
public sealed record FrontMatterResult(FrontMatter? FrontMatter, bool HasHeader, int BodyStart, int BodyLine, IReadOnlyList<Diagnostic> Problems);
