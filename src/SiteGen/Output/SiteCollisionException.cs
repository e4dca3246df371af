namespace SiteGen.Output;

/// <summary>Two sources want the same output path; each problem names both.</summary>
public sealed class SiteCollisionException(IReadOnlyList<string> problems) : Exception(string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
