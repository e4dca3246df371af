namespace SiteGen.Rendering;

/// <summary>HTML that SiteGen produced or escaped itself, so templates write it as it is. Every other value is escaped.</summary>
public sealed record RawHtml(string Html)
{
    public static readonly RawHtml Empty = new("");

    public override string ToString() => Html;
}
