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
    public static SiteFile Emit(Garden garden, SiteConfig config)
    {
        var byPath = garden.Notes.ToDictionary(n => n.Note.Path, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("nodes");
            foreach (var note in garden.Notes)
            {
                writer.WriteStartObject();
                writer.WriteString("id", note.Url.Href(config.BasePath));
                writer.WriteString("title", note.Note.Title);
                writer.WriteString("type", "note");
                writer.WriteEndObject();
            }
            foreach (var tag in garden.Tags)
            {
                writer.WriteStartObject();
                writer.WriteString("id", tag.Url.Href(config.BasePath));
                writer.WriteString("title", "#" + tag.Name);
                writer.WriteString("type", "tag");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("links");
            foreach (var note in garden.Notes)
            {
                var source = note.Url.Href(config.BasePath);
                foreach (var target in note.Outlinks)
                    if (byPath.TryGetValue(target, out var other)) Link(writer, source, other.Url.Href(config.BasePath), "link");
                foreach (var tag in note.Tags) Link(writer, source, UrlAssigner.ForTag(tag).Href(config.BasePath), "tag");
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return new SiteFile("graph.json", stream.ToArray(), null, "graph data");
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
