namespace SiteGen.Emitting.Feeds;

/// <summary>
/// A feed item serialized once in each format. A note appears in the site feed and in the feeds of its tags and
/// folders; writing its full content once, not once per feed, is what keeps feeds cheap.
/// </summary>
public sealed record FeedEntry(FeedItem Item, string RssXml, string AtomXml, byte[] Json);
