using System.Text;
using SiteGen.Incremental;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Incremental;

/// <summary>
/// Incremental equals full: after every edit of a generated garden, the site that a long-lived cache updates (in
/// place, as <c>serve</c> does, or swapped in with a saved and reloaded cache, as <c>build</c> does) is byte for byte
/// the site a fresh build makes from the same files.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private static readonly string[] Names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu"];
    private static readonly string[] Folders = ["", "garden/", "garden/deep/", "journal/"];
    private static readonly string[] Words = ["seed", "soil", "water", "light", "root", "leaf", "stem", "bloom", "moss", "fern"];
    private static readonly string[] TagNames = ["plants", "plants/trees", "soil", "notes", "draft-ideas"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sitegen-incr-" + Guid.NewGuid().ToString("N")[..10]);
    private DateTime _clock = new(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    public static TheoryData<int, bool> Sequences()
    {
        var data = new TheoryData<int, bool>();
        for (var seed = 1; seed <= 16; seed++) data.Add(seed, seed % 2 == 0);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public void After_every_edit_the_incremental_site_equals_a_full_build(int seed, bool savedCache)
    {
        var random = new Random(seed);
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        Write("sitegen.yml", "title: Incremental\nbaseUrl: https://garden.example.org/\n");
        WriteBytes("content/attachments/pic.png", Png(40, 30));
        for (var i = 0; i < 8; i++) CreateNote(random, notes);

        var incremental = Path.Combine(_root, "_incremental");
        var memory = new BuildCache();
        var log = new StringBuilder();
        QuickEdit? quick = null;
        for (var step = 0; step < 12; step++)
        {
            log.Append(Edit(random, notes)).Append("; ");
            // As serve does: every saved note's page is made at once where it can be, and the rebuild follows.
            var quickPages = notes.Keys.Order(StringComparer.Ordinal).Select(p => quick?.TryRender(Path.Combine(_root, "content", p))).OfType<string>().ToList();
            var cache = savedCache ? BuildCache.Load(_root) : memory;
            var committedEarly = false;
            var updated = SiteBuilder.Build(Options(incremental) with { Cache = cache, InPlace = !savedCache, PagesCommitted = savedCache ? null : _ => committedEarly = true });
            quick = updated.QuickEdit;
            Assert.Equal(!savedCache && updated.Succeeded, quick is not null);
            if (quickPages.Count > 0) log.Append($"(quick: {string.Join(", ", quickPages)}) ");
            if (savedCache) cache.Save(_root);
            var full = Path.Combine(_root, $"_full{step}");
            var fresh = SiteBuilder.Build(Options(full));

            Assert.Equal(fresh.Succeeded, updated.Succeeded);
            Assert.Equal(fresh.Diagnostics, updated.Diagnostics);
            if (!fresh.Succeeded) continue;
            Assert.Equal(!savedCache, committedEarly);
            AssertSameSite(full, incremental, $"seed {seed}, after: {log}");
            Directory.Delete(full, recursive: true);
        }
    }

    [Fact]
    public void A_cold_build_that_learns_ids_as_it_goes_equals_one_that_knew_them_and_drops_wrong_fragments()
    {
        // A cold build takes [[Note#Heading]] on trust while it compiles and checks afterwards; a build whose cache
        // knows every note's ids checks at once. A wrong fragment, here also inside a transcluded note, must come
        // out the same: a warning, and a link to the top of the page.
        Write("sitegen.yml", "title: Ids\nbaseUrl: https://garden.example.org/\n");
        Write("content/Host.md", "---\npublish: true\n---\n[[Target#Real]] and [[Target#Missing]].\n\n![[Inner]]\n\n![[Target#Gone]]\n");
        Write("content/Inner.md", "---\npublish: true\n---\nInner links [[Target#Absent]] and [[Target#^blk]].\n");
        Write("content/Target.md", "---\npublish: true\n---\n## Real\n\nText. ^blk\n");
        var cold = Path.Combine(_root, "_cold");
        var coldResult = SiteBuilder.Build(Options(cold));
        Assert.True(coldResult.Succeeded);

        var cache = new BuildCache();
        Assert.True(SiteBuilder.Build(Options(Path.Combine(_root, "_first")) with { Cache = cache }).Succeeded);
        var known = Path.Combine(_root, "_known");
        var knownResult = SiteBuilder.Build(Options(known) with { Cache = cache });
        Assert.True(knownResult.Succeeded);

        Assert.Equal(knownResult.Diagnostics, coldResult.Diagnostics);
        AssertSameSite(known, cold, "cold build against a build that knew the ids");
        Assert.Equal(2, coldResult.Diagnostics.Count(d => d.Code == "SG0505"));
        Assert.Single(coldResult.Diagnostics, d => d.Code == "SG0504");
        var host = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(cold, "host", "index.html")));
        var hrefs = host.QuerySelectorAll("a.internal").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/target/#real", hrefs);
        Assert.Contains("/target/#^blk", hrefs);
        Assert.DoesNotContain(hrefs, h => h!.Contains("missing", StringComparison.Ordinal) || h.Contains("absent", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_build_reuses_the_pages_of_unchanged_notes()
    {
        Write("sitegen.yml", "title: Reuse\nbaseUrl: https://garden.example.org/\n");
        Write("content/One.md", "---\npublish: true\n---\nLinks to [[Two]].\n");
        Write("content/Two.md", "---\npublish: true\n---\nThe second note.\n");
        Write("content/Three.md", "---\npublish: true\n---\nStands alone.\n");
        var output = Path.Combine(_root, "_site");
        var cache = new BuildCache();
        Assert.True(SiteBuilder.Build(Options(output) with { Cache = cache }).Succeeded);

        Write("content/Three.md", "---\npublish: true\n---\nStands alone, edited.\n");
        var second = SiteBuilder.Build(Options(output) with { Cache = cache });

        Assert.True(second.Succeeded);
        Assert.True(second.FilesReused > 0, "nothing was reused");
        Assert.Contains("Stands alone, edited.", File.ReadAllText(Path.Combine(output, "three", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quick_edit_writes_the_page_a_full_build_makes_and_leaves_private_and_header_changes_to_the_rebuild()
    {
        Write("sitegen.yml", "title: Quick\nbaseUrl: https://garden.example.org/\n");
        const string header = "---\npublish: true\ncreated: 2024-01-01\nupdated: 2024-02-01\ntags: [soil]\n---\n";
        Write("content/One.md", header + "Links to [[Two]].\n\n## Roots\n\nText.\n");
        Write("content/Two.md", header + "The second note, linking [[One#Roots]].\n");
        var served = Path.Combine(_root, "_served");
        var result = SiteBuilder.Build(Options(served) with { Cache = new BuildCache(), InPlace = true });
        var quick = Assert.IsType<QuickEdit>(result.QuickEdit);

        Write("content/One.md", header + "Links to [[Two]], edited with `code`.\n\n## Roots\n\nMore text.\n");
        Assert.Equal("/one/", quick.TryRender(Path.Combine(_root, "content", "One.md")));
        var full = Path.Combine(_root, "_full");
        Assert.True(SiteBuilder.Build(Options(full)).Succeeded);
        Assert.Equal(File.ReadAllBytes(Path.Combine(full, "one", "index.html")), File.ReadAllBytes(Path.Combine(served, "one", "index.html")));

        var before = File.ReadAllBytes(Path.Combine(served, "two", "index.html"));
        Write("content/Two.md", header.Replace("publish: true", "publish: false", StringComparison.Ordinal) + "Now private: zqprivquick.\n");
        Assert.Null(quick.TryRender(Path.Combine(_root, "content", "Two.md")));
        foreach (var file in Directory.EnumerateFiles(served, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("zqprivquick", file, StringComparison.Ordinal);
            Assert.DoesNotContain("zqprivquick", File.ReadAllText(file), StringComparison.Ordinal);
        }
        Write("content/Two.md", header.Replace("tags: [soil]", "tags: [moss]", StringComparison.Ordinal) + "A new tag.\n");
        Assert.Null(quick.TryRender(Path.Combine(_root, "content", "Two.md")));
        Write("content/Two.md", header + "The heading link goes.\n\n## New heading\n");
        Assert.Null(quick.TryRender(Path.Combine(_root, "content", "Two.md")));
        Assert.Null(quick.TryRender(Path.Combine(_root, "content", "Missing.md")));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(served, "two", "index.html")));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"Version\":0,\"Tool\":\"old\",\"Ids\":{},\"Compiled\":{}}")]
    [InlineData("")]
    public void A_corrupt_or_old_cache_is_discarded_and_the_build_is_whole(string saved)
    {
        Write("sitegen.yml", "title: Corrupt\nbaseUrl: https://garden.example.org/\n");
        Write("content/One.md", "---\npublish: true\n---\nLinks to [[Two]].\n");
        Write("content/Two.md", "---\npublish: true\n---\nThe second note.\n");
        Write(".sitegen/cache.json", saved);

        var output = Path.Combine(_root, "_site");
        var cache = BuildCache.Load(_root);
        Assert.True(SiteBuilder.Build(Options(output) with { Cache = cache }).Succeeded);
        cache.Save(_root);
        var full = Path.Combine(_root, "_full");
        Assert.True(SiteBuilder.Build(Options(full)).Succeeded);

        AssertSameSite(full, output, "after a corrupt cache");
        Assert.Equal("*", File.ReadAllLines(Path.Combine(_root, ".sitegen", ".gitignore")).Last());
    }

    private BuildOptions Options(string output) => new() { Root = _root, Output = output, BundledTheme = Repo.Theme };

    private string Edit(Random random, Dictionary<string, string> notes)
    {
        var paths = notes.Keys.Order(StringComparer.Ordinal).ToList();
        var path = paths.Count > 0 ? paths[random.Next(paths.Count)] : null;
        switch (path is null ? 0 : random.Next(11))
        {
            case 0:
                return "create " + CreateNote(random, notes);
            case 1:
                notes[path!] = notes[path!].Replace("\nBody.\n", "\nBody.\n" + Paragraph(random, notes), StringComparison.Ordinal);
                Save(path!, notes[path!]);
                return "edit " + path;
            case 2:
                notes[path!] = notes[path!].Contains("publish: true", StringComparison.Ordinal)
                    ? notes[path!].Replace("publish: true", "publish: false", StringComparison.Ordinal)
                    : notes[path!].Replace("publish: false", "publish: true", StringComparison.Ordinal);
                Save(path!, notes[path!]);
                return "toggle publish " + path;
            case 3:
                var renamed = Folders[random.Next(Folders.Length)] + Names[random.Next(Names.Length)] + random.Next(3) + ".md";
                if (notes.ContainsKey(renamed)) return "no rename";
                File.Delete(Path.Combine(_root, "content", path!));
                notes[renamed] = notes[path!];
                notes.Remove(path!);
                Save(renamed, notes[renamed]);
                return $"rename {path} to {renamed}";
            case 4:
                File.Delete(Path.Combine(_root, "content", path!));
                notes.Remove(path!);
                return "delete " + path;
            case 5:
                notes[path!] = notes[path!].Replace("tags: [", $"tags: [{TagNames[random.Next(TagNames.Length)]}, ", StringComparison.Ordinal);
                Save(path!, notes[path!]);
                return "tag " + path;
            case 6:
                notes[path!] = notes[path!].Replace("## ", "## Renamed ", StringComparison.Ordinal);
                Save(path!, notes[path!]);
                return "headings " + path;
            case 7:
                notes[path!] = notes[path!].Replace("title: ", "title: New ", StringComparison.Ordinal);
                Save(path!, notes[path!]);
                return "title " + path;
            case 8:
                var footer = Path.Combine(_root, "templates", "partials", "footer.html");
                if (File.Exists(footer))
                {
                    File.Delete(footer);
                    return "template removed";
                }
                Write("templates/partials/footer.html", $"<footer>Edited footer {random.Next(100)} of {{{{ site.title }}}}</footer>\n");
                return "template override";
            case 9:
                Write("sitegen.yml", $"title: Incremental {random.Next(100)}\nbaseUrl: https://garden.example.org/\n");
                return "config";
            default:
                var picture = Path.Combine(_root, "content", "attachments", "pic.png");
                if (File.Exists(picture))
                {
                    File.Delete(picture);
                    return "attachment removed";
                }
                WriteBytes("content/attachments/pic.png", Png(random.Next(1, 500), random.Next(1, 500)));
                return "attachment added";
        }
    }

    private string CreateNote(Random random, Dictionary<string, string> notes)
    {
        string path;
        do path = Folders[random.Next(Folders.Length)] + Names[random.Next(Names.Length)] + random.Next(3) + ".md";
        while (notes.ContainsKey(path));
        var text = new StringBuilder()
            .Append("---\n")
            .Append("title: ").Append(Path.GetFileNameWithoutExtension(path)).Append(" note\n")
            .Append("publish: ").Append(random.Next(4) == 0 ? "false" : "true").Append('\n')
            .Append("tags: [").Append(TagNames[random.Next(TagNames.Length)]).Append("]\n")
            .Append("---\n")
            .Append("Body.\n")
            .Append(Paragraph(random, notes))
            .Append("\n## Section ").Append(random.Next(3)).Append("\n\nUnder the heading. ^block").Append(random.Next(2)).Append('\n');
        notes[path] = text.ToString();
        Save(path, notes[path]);
        return path;
    }

    /// <summary>A paragraph of words with links, heading links, embeds and tags pointing at existing and missing notes.</summary>
    private static string Paragraph(Random random, Dictionary<string, string> notes)
    {
        var targets = notes.Keys.Select(p => Path.GetFileNameWithoutExtension(p)).Append("Missing note").Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder("\n");
        for (var i = 0; i < 6; i++)
        {
            text.Append(Words[random.Next(Words.Length)]).Append(' ');
            var target = targets[random.Next(targets.Count)];
            switch (random.Next(6))
            {
                case 0: text.Append("[[").Append(target).Append("]] "); break;
                case 1: text.Append("[[").Append(target).Append("#Section 1|a section]] "); break;
                case 2: text.Append("\n\n![[").Append(target).Append("]]\n\n"); break;
                case 3: text.Append('#').Append(TagNames[random.Next(TagNames.Length)]).Append(' '); break;
                case 4: text.Append("![[pic.png]] "); break;
                default: text.Append("[[").Append(target).Append("#^block0]] "); break;
            }
        }
        return text.Append('\n').ToString();
    }

    private void Save(string notePath, string text) => Write("content/" + notePath, text);

    /// <summary>The start of a PNG file: enough for the image's size to be read into the embed.</summary>
    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }

    private void WriteBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        _clock = _clock.AddHours(1);
        File.SetLastWriteTimeUtc(full, _clock);
    }

    /// <summary>Writes a file with a time that moves forward, so edits change dates as they do in a real garden.</summary>
    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        _clock = _clock.AddHours(1);
        File.SetLastWriteTimeUtc(full, _clock);
    }

    private static void AssertSameSite(string expected, string actual, string context)
    {
        static List<string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var want = Files(expected);
        var got = Files(actual);
        Assert.True(want.SequenceEqual(got), $"{context}\nmissing: {string.Join(", ", want.Except(got))}\nextra: {string.Join(", ", got.Except(want))}");
        foreach (var file in want)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{context}\n{file} differs");
        static List<string> Folders(string root) => Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Folders(expected), Folders(actual));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
