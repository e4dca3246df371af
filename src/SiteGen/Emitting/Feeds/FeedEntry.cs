namespace SiteGen.Emitting.Feeds;

/// <summary>
/// A feed item serialized once in each format. A note appears in the site feed and in the feeds of its tags and
/// folders; writing its full content once, not once per feed, is what keeps feeds cheap.
/// Each format is kept as UTF-8 bytes, and the item itself is let go: a large garden holds thousands of these at once.
/// </summary>
public sealed record FeedEntry(DateTimeOffset Updated, byte[] Rss, byte[] Atom, byte[] Json);
