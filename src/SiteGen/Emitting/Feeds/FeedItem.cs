namespace SiteGen.Emitting.Feeds;

/// <summary>One note as a feed entry. <paramref name="ContentHtml"/> has absolute URLs already.</summary>
public sealed record FeedItem(string Id, string Url, string Title, string Summary, string ContentHtml, DateTimeOffset Published, DateTimeOffset Updated, IReadOnlyList<string> Categories);
