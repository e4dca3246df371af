using System.Text.Json;
using SiteGen.Emitting.Search;

namespace SiteGen.Tests.Search;

/// <summary>Reads the corpora and expected outputs that make-goldens.js wrote with real lunr.js.</summary>
internal static class GoldenFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (SiteGen.sln) above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    public static string Directory => Path.Combine(RepoRoot, "tests", "SiteGen.Tests", "Search", "golden");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>A generic corpus: <c>{fields:[{name,boost,stemmed}], k1?, b?, docs:[{ref, boost?, values}]}</c>.</summary>
    public static (LunrIndexBuilder Builder, List<LunrDocument> Documents) ReadGeneric(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        var fields = root.GetProperty("fields").EnumerateArray().Select(f => new LunrField(
            f.GetProperty("name").GetString()!,
            f.TryGetProperty("boost", out JsonElement boost) ? boost.GetDouble() : 1,
            !f.TryGetProperty("stemmed", out JsonElement stemmed) || stemmed.GetBoolean())).ToList();
        double k1 = root.TryGetProperty("k1", out JsonElement k) ? k.GetDouble() : 1.2;
        double b = root.TryGetProperty("b", out JsonElement bb) ? bb.GetDouble() : 0.75;
        var documents = new List<LunrDocument>();
        foreach (JsonElement d in root.GetProperty("docs").EnumerateArray())
        {
            JsonElement values = d.GetProperty("values");
            var row = fields.Select(f => values.TryGetProperty(f.Name, out JsonElement v) ? Value(v) : LunrFieldValue.None).ToList();
            double boost = d.TryGetProperty("boost", out JsonElement db) ? db.GetDouble() : 1;
            documents.Add(new LunrDocument(d.GetProperty("ref").GetString()!, row, boost));
        }

        return (new LunrIndexBuilder(fields, k1, b), documents);
    }

    /// <summary>A site corpus: <c>{notes:[{url,title,aliases,tags,headings,body,excerpt}]}</c>.</summary>
    public static List<SearchDocument> ReadNotes(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("notes").EnumerateArray().Select(n => new SearchDocument(
            n.GetProperty("url").GetString()!,
            n.GetProperty("title").GetString()!,
            Strings(n.GetProperty("aliases")),
            Strings(n.GetProperty("tags")),
            Strings(n.GetProperty("headings")),
            n.GetProperty("body").GetString()!,
            n.GetProperty("excerpt").GetString()!))];
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static LunrFieldValue Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => LunrFieldValue.None,
        JsonValueKind.Array => LunrFieldValue.Array([.. v.EnumerateArray().Select(Text)]),
        _ => Text(v),
    };

    // {"u16":[...]} carries strings with lone surrogates, which JSON readers refuse.
    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Object => new string([.. v.GetProperty("u16").EnumerateArray().Select(c => (char)c.GetInt32())]),
        _ => throw new InvalidDataException("Unexpected corpus value " + v),
    };
}
