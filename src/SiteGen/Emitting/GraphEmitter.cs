using System.Buffers;
using System.Text.Json;
using SiteGen.Configuration;
using SiteGen.Linking;
using SiteGen.Output;

namespace SiteGen.Emitting;

/// <summary>
/// <c>graph.json</c> for the graph views: public notes and tags as nodes, links and taggings as edges. Built from the
/// garden, which holds only public notes, so no private id or edge can be in it (RELIABILITY P7).
/// </summary>
public static class GraphEmitter
{
    public static void Write(Garden garden, SiteConfig config, SiteWriter site)
    {
        var basePath = config.BasePath;
        var ids = garden.Notes.ToDictionary(n => n.Note.Path, n => n.Url.Href(basePath), StringComparer.Ordinal);
        var tagIds = garden.Tags.ToDictionary(t => t.Name, t => t.Url.Href(basePath), StringComparer.Ordinal);
        // Sized a little above the file (the 10k benchmark garden: 95 bytes a node and 119 an edge), so that a large
        // graph is made in one buffer: a growing buffer is copied, and each copy of tens of megabytes can cost a full
        // collection. The writer writes into it directly: over a stream, it would first fill a growing buffer of its own.
        var edges = garden.Notes.Sum(n => n.Outlinks.Count + n.Tags.Count);
        var buffer = new ArrayBufferWriter<byte>(100 * (ids.Count + tagIds.Count) + 130 * edges + 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("nodes");
            foreach (var note in garden.Notes)
            {
                writer.WriteStartObject();
                writer.WriteString("id", ids[note.Note.Path]);
                writer.WriteString("title", note.Note.Title);
                writer.WriteString("type", "note");
                writer.WriteEndObject();
            }
            foreach (var tag in garden.Tags)
            {
                writer.WriteStartObject();
                writer.WriteString("id", tagIds[tag.Name]);
                writer.WriteString("title", "#" + tag.Name);
                writer.WriteString("type", "tag");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("links");
            foreach (var note in garden.Notes)
            {
                var source = ids[note.Note.Path];
                foreach (var target in note.Outlinks)
                    if (ids.TryGetValue(target, out var other)) Link(writer, source, other, "link");
                foreach (var tag in note.Tags) Link(writer, source, tagIds.TryGetValue(tag, out var id) ? id : UrlAssigner.ForTag(tag).Href(basePath), "tag");
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        site.Add("graph.json", "graph data", null, false, buffer.WrittenSpan);
    }

    private static void Link(Utf8JsonWriter writer, string source, string target, string type)
    {
        writer.WriteStartObject();
        writer.WriteString("source", source);
        writer.WriteString("target", target);
        writer.WriteString("type", type);
        writer.WriteEndObject();
    }
}
