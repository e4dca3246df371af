namespace SiteGen.Configuration;

public enum PublishMode
{
    /// <summary>Only notes with <c>publish: true</c> are public.</summary>
    Explicit,

    /// <summary>Every note is public unless its front matter opts out.</summary>
    All,
}
