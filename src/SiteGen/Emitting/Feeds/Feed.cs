namespace SiteGen.Emitting.Feeds;

/// <summary>A feed's channel: <paramref name="Folder"/> is the site-relative folder its three files go to ("" for the site feed).</summary>
public sealed record Feed(string Folder, string Title, string Description, string HomeUrl, string Language, IReadOnlyList<FeedEntry> Entries);
