using SiteGen.Configuration;

namespace SiteGen.Notes;

/// <summary>Decides whether a note is public. Fails closed: anything not clearly public is private.</summary>
public static class PublishRules
{
    /// <param name="frontMatter">Null when the header could not be read.</param>
    /// <param name="includeDrafts">Only <c>serve --drafts</c> sets this.</param>
    public static bool IsPublic(FrontMatter? frontMatter, PublishMode mode, bool includeDrafts = false)
    {
        if (frontMatter is null) return false;
        if (frontMatter.Draft && !includeDrafts) return false;
        if (frontMatter.Private) return false;
        return mode switch
        {
            PublishMode.Explicit => frontMatter.Publish == true,
            PublishMode.All => frontMatter.Publish is null or true,
            _ => false,
        };
    }
}
