namespace SiteGen.Linking;

/// <summary>
/// A location in the site, relative to its root, built only from slugified segments: <c>""</c> (home),
/// <c>ideas/my-note/</c> (a page) or <c>images/pic.png</c> (a file). Its own type so a vault path and a URL never mix.
/// </summary>
public readonly record struct SitePath(string Value)
{
    public static readonly SitePath Root = new("");

    public bool IsPage => Value.Length == 0 || Value.EndsWith('/');

    /// <summary>The file this path is written to, relative to the site root.</summary>
    public string OutputFile => IsPage ? Value + "index.html" : Value;

    /// <summary>The address to put in an <c>href</c>, with the site's base path in front.</summary>
    public string Href(string basePath) => basePath + Value;

    public override string ToString() => Value;
}
