using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace SiteGen.Emitting.Feeds;

/// <summary>Writes a feed, straight to its file, as RSS 2.0 (<c>index.xml</c>), Atom 1.0 (<c>atom.xml</c>) and JSON Feed 1.1 (<c>feed.json</c>), all through writers, never by hand.</summary>
public static class FeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";

    public static void Rss(Feed feed, string baseUrl, Stream output)
    {
        var self = baseUrl + feed.Folder + "index.xml";
        WithItems(output, feed.Entries.Select(e => (e.Rss, e.XmlContent)), writer =>
        {
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "atom", null, AtomNs);
            writer.WriteAttributeString("xmlns", "content", null, ContentNs);
            writer.WriteStartElement("channel");
            Element(writer, "title", feed.Title);
            Element(writer, "link", feed.HomeUrl);
            Element(writer, "description", feed.Description);
            Element(writer, "language", feed.Language);
            writer.WriteElementString("generator", "SiteGen");
            if (feed.Entries.Count > 0) Element(writer, "lastBuildDate", Rfc822(feed.Entries.Max(e => e.Updated)));
            writer.WriteStartElement("atom", "link", AtomNs);
            writer.WriteAttributeString("href", self);
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", "application/rss+xml");
            writer.WriteEndElement();
            if (feed.Entries.Count > 0) writer.WriteRaw(ItemsGoHere);
            writer.WriteEndElement();
            writer.WriteEndElement();
        });
    }

    public static void Atom(Feed feed, string baseUrl, Stream output)
    {
        var self = baseUrl + feed.Folder + "atom.xml";
        WithItems(output, feed.Entries.Select(e => (e.Atom, e.XmlContent)), writer =>
        {
            writer.WriteStartElement("feed", AtomNs);
            Element(writer, "id", self);
            Element(writer, "title", feed.Title);
            Element(writer, "subtitle", feed.Description);
            Element(writer, "updated", Rfc3339(feed.Entries.Count > 0 ? feed.Entries.Max(e => e.Updated) : DateTimeOffset.UnixEpoch));
            Link(writer, self, "self", "application/atom+xml");
            Link(writer, feed.HomeUrl, "alternate", "text/html");
            writer.WriteElementString("generator", AtomNs, "SiteGen");
            if (feed.Entries.Count > 0) writer.WriteRaw(ItemsGoHere);
            writer.WriteEndElement();
        });
    }

    public static void Json(Feed feed, string baseUrl, Stream output)
    {
        using (var writer = new Utf8JsonWriter(output, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "https://jsonfeed.org/version/1.1");
            writer.WriteString("title", feed.Title);
            writer.WriteString("home_page_url", feed.HomeUrl);
            writer.WriteString("feed_url", baseUrl + feed.Folder + "feed.json");
            writer.WriteString("description", feed.Description);
            writer.WriteString("language", feed.Language);
            writer.WriteStartArray("items");
        }
        // The items are finished JSON values: they go straight to the file, not through the writer's buffer.
        for (var i = 0; i < feed.Entries.Count; i++)
        {
            if (i > 0) output.WriteByte((byte)',');
            output.Write(feed.Entries[i].Json);
        }
        output.Write("]}"u8);
    }

    // Feeds are files of their own, never inlined into a page, so HTML's characters need no \u escapes.
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializes one item in the three formats; feeds then copy these pieces.</summary>
    public static FeedEntry Entry(FeedItem item) =>
        new(item.Updated, Split(RssItem(item)), Split(AtomEntry(item)), Fragment(writer => writer.WriteCData(Clean(item.ContentHtml))), JsonItem(item));

    // Written raw where an item's content goes. Escaped text never holds a '<', so this cannot occur anywhere else.
    private const string ContentGoesHere = "<sitegen-content/>";
    private static readonly byte[] ContentMarker = Encoding.UTF8.GetBytes(ContentGoesHere);

    private static XmlItem Split(byte[] item)
    {
        var at = item.AsSpan().IndexOf(ContentMarker);
        return new XmlItem(item[..at], item[(at + ContentMarker.Length)..]);
    }

    private static byte[] RssItem(FeedItem item) => Fragment(writer =>
    {
        writer.WriteStartElement("item");
        Element(writer, "title", item.Title);
        Element(writer, "link", item.Url);
        writer.WriteStartElement("guid");
        writer.WriteAttributeString("isPermaLink", "false");
        writer.WriteString(Clean(item.Id));
        writer.WriteEndElement();
        Element(writer, "pubDate", Rfc822(item.Published));
        Element(writer, "description", item.Summary);
        writer.WriteStartElement("content", "encoded", ContentNs);
        writer.WriteRaw(ContentGoesHere);
        writer.WriteEndElement();
        foreach (var category in item.Categories) Element(writer, "category", category);
        writer.WriteEndElement();
    });

    private static byte[] AtomEntry(FeedItem item) => Fragment(writer =>
    {
        writer.WriteStartElement("entry", AtomNs);
        Element(writer, "id", item.Id);
        Element(writer, "title", item.Title);
        Link(writer, item.Url, "alternate", "text/html");
        Element(writer, "published", Rfc3339(item.Published));
        Element(writer, "updated", Rfc3339(item.Updated));
        Element(writer, "summary", item.Summary);
        writer.WriteStartElement("content");
        writer.WriteAttributeString("type", "html");
        writer.WriteRaw(ContentGoesHere);
        writer.WriteEndElement();
        foreach (var category in item.Categories)
        {
            writer.WriteStartElement("category");
            writer.WriteAttributeString("term", Clean(category));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    });

    private static byte[] JsonItem(FeedItem item)
    {
        // The thread's writer and buffer, grown to the size of a full note, are kept for the next item; the writer
        // writes into the buffer directly (over a stream, it would fill a buffer of its own first).
        var buffer = _jsonBuffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        var writer = _jsonWriter ??= new Utf8JsonWriter(buffer, JsonOptions);
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("id", item.Id);
        writer.WriteString("url", item.Url);
        writer.WriteString("title", item.Title);
        writer.WriteString("content_html", item.ContentHtml);
        writer.WriteString("summary", item.Summary);
        writer.WriteString("date_published", Rfc3339(item.Published));
        writer.WriteString("date_modified", Rfc3339(item.Updated));
        writer.WriteStartArray("tags");
        foreach (var category in item.Categories) writer.WriteStringValue(category);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic] private static Utf8JsonWriter? _jsonWriter;
    [ThreadStatic] private static ArrayBufferWriter<byte>? _jsonBuffer;

    private static byte[] Fragment(Action<XmlWriter> write)
    {
        var stream = ReusedBuffer();
        using (var writer = XmlWriter.Create(stream, FragmentSettings))
            write(writer);
        return stream.ToArray();
    }

    private static readonly XmlWriterSettings FragmentSettings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment, Encoding = new UTF8Encoding(false), NewLineChars = "\n", CheckCharacters = true, CloseOutput = false,
    };

    /// <summary>
    /// The feed in <paramref name="format"/> (<c>rss</c>, <c>atom</c> or <c>json</c>), put together in the thread's file
    /// buffer, so that it is written with one call: written piece by piece (each item's head, content and tail), the 10k
    /// garden's feeds took a quarter of a million write calls. The bytes hold until the thread's next feed.
    /// </summary>
    internal static ReadOnlySpan<byte> FileBytes(Feed feed, string format, string baseUrl)
    {
        var stream = Reused(ref _file, 256 * 1024);
        switch (format)
        {
            case "rss": Rss(feed, baseUrl, stream); break;
            case "atom": Atom(feed, baseUrl, stream); break;
            default: Json(feed, baseUrl, stream); break;
        }
        return stream.GetBuffer().AsSpan(0, (int)stream.Length);
    }

    // One buffer per thread for an item's bytes while they are written (an item is as long as its note, and a fresh
    // stream would regrow for each of the three formats of every note), and one for a whole feed file.
    [ThreadStatic] private static MemoryStream? _buffer;
    [ThreadStatic] private static MemoryStream? _file;

    private static MemoryStream ReusedBuffer() => Reused(ref _buffer, 64 * 1024);

    private static MemoryStream Reused(ref MemoryStream? slot, int capacity)
    {
        var stream = slot ??= new MemoryStream(capacity);
        stream.SetLength(0);
        return stream;
    }

    // Written with WriteRaw where the items go. Only the channel's own title and description come before it, and
    // nothing but closing tags after it, so its last occurrence is the place even if a title held this character.
    private const string ItemsGoHere = "\uE000";
    private static readonly byte[] ItemsMarker = Encoding.UTF8.GetBytes(ItemsGoHere);

    /// <summary>Writes the feed's frame through an XmlWriter, and the items' ready-made bytes where the frame marks their place.</summary>
    private static void WithItems(Stream output, IEnumerable<(XmlItem Item, byte[] Content)> items, Action<XmlWriter> frame)
    {
        using var buffer = new MemoryStream();
        Xml(buffer, frame);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var marker = ItemsMarker;
        var at = bytes.LastIndexOf(marker);
        if (at < 0)
        {
            output.Write(bytes);
            return;
        }
        output.Write(bytes[..at]);
        foreach (var (item, content) in items)
        {
            output.Write(item.Head);
            output.Write(content);
            output.Write(item.Tail);
        }
        output.Write(bytes[(at + marker.Length)..]);
    }

    private static void Xml(Stream output, Action<XmlWriter> write)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n", CheckCharacters = true, CloseOutput = false };
        using var writer = XmlWriter.Create(output, settings);
        writer.WriteStartDocument();
        write(writer);
        writer.WriteEndDocument();
    }

    private static void Element(XmlWriter writer, string name, string value) => writer.WriteElementString(name, Clean(value));

    private static void Link(XmlWriter writer, string href, string rel, string type)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("href", href);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteEndElement();
    }

    // Characters XML 1.0 cannot hold, and surrogates, which it can only hold in pairs.
    private static readonly SearchValues<char> NotPlainXml = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)) + "\uFFFE\uFFFF");

    /// <summary>Drops characters XML 1.0 cannot hold (control characters, lone surrogates), which would make the whole feed unreadable.</summary>
    internal static string Clean(string text)
    {
        // Almost every text is clean: find the first suspect with a vectorized search, and only then look closely.
        var first = text.AsSpan().IndexOfAny(NotPlainXml);
        if (first < 0) return text;
        StringBuilder? builder = null;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            var ok = XmlConvert.IsXmlChar(c) || (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c));
            if (ok && char.IsHighSurrogate(c))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (!ok) builder ??= new StringBuilder(text, 0, i, text.Length);
            else builder?.Append(c);
        }
        return builder?.ToString() ?? text;
    }

    internal static string Rfc822(DateTimeOffset date) => date.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    internal static string Rfc3339(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
