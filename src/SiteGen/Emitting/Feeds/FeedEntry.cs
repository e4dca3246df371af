namespace SiteGen.Emitting.Feeds;

/// <summary>
/// A feed item serialized once in each format. A note appears in the site feed and in the feeds of its tags and
/// folders; writing its full content once, not once per feed, is what keeps feeds cheap.
/// Each format is kept as UTF-8 bytes, and the item itself is let go: a large garden holds thousands of these at once.
/// RSS and Atom hold the content the same way, as a CDATA section (a tenth smaller than escaped text, and cheaper
/// to write), so both share <paramref name="XmlContent"/>, written between an item's head and tail.
/// </summary>
public sealed record FeedEntry(DateTimeOffset Updated, XmlItem Rss, XmlItem Atom, byte[] XmlContent, byte[] Json);

/// <summary>An RSS item or Atom entry, around the place where its escaped content goes.</summary>
public sealed record XmlItem(byte[] Head, byte[] Tail);
