namespace SiteGen.Configuration;

/// <summary>The validated contents of <c>sitegen.yml</c>. Every key is optional.</summary>
public sealed record SiteConfig
{
    public static readonly IReadOnlyList<string> DefaultExcludes = [".obsidian/**", ".trash/**", ".git/**", "**/.*/**", "**/.*"];

    public string Title { get; init; } = "My Garden";
    public string Description { get; init; } = "";
    public string Author { get; init; } = "";

    /// <summary>Absolute site address ending in '/', e.g. <c>https://me.github.io/garden/</c>.</summary>
    public string BaseUrl { get; init; } = "http://localhost/";
    public string Language { get; init; } = "en";
    public string Content { get; init; } = "content";
    public string Theme { get; init; } = "site-template";
    public string Overrides { get; init; } = "templates";
    public string Output { get; init; } = "_site";
    public PublishMode PublishMode { get; init; } = PublishMode.Explicit;
    public IReadOnlyList<string> Include { get; init; } = ["**/*.md"];

    /// <summary>Globs that keep notes and attachments out, always including <see cref="DefaultExcludes"/>.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = DefaultExcludes;
    /// <summary>Items in the site feed and the tended feed (<c>feeds.limit</c>).</summary>
    public int FeedLimit { get; init; } = 50;

    /// <summary>
    /// Items in each tag and folder feed (<c>feeds.topicLimit</c>); unset, 20 or <see cref="FeedLimit"/> if that is lower.
    /// Every note appears in several topic feeds, three formats each, with its full content: at 50 items the 10k
    /// benchmark garden's feeds were 760 MB, and the site 1.1 GB, past the 1 GB that GitHub Pages publishes.
    /// </summary>
    public int? FeedTopicLimitSetting { get; init; }

    public int FeedTopicLimit => FeedTopicLimitSetting ?? Math.Min(20, FeedLimit);
    public bool TrustHtml { get; init; }
    public int? SearchBodyWords { get; init; }

    /// <summary>
    /// Diagnostics a garden expects and accepts (<c>check.ignore</c>): a code such as <c>SG0501</c>, or
    /// <c>path:CODE</c> for one file. They are still shown, as info, and never fail <c>check --strict</c>.
    /// </summary>
    public IReadOnlyList<string> CheckIgnore { get; init; } = [];

    /// <summary>Largest note, in bytes, that is read past its front matter.</summary>
    public long MaxNoteBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>The path part of <see cref="BaseUrl"/>: <c>/</c> or <c>/garden/</c>.</summary>
    public string BasePath => new Uri(BaseUrl).AbsolutePath;
}
