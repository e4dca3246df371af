using System.Globalization;
using CsCheck;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Property tests on generated vaults: random hostile names, random front matter (valid and broken, every publish
/// flag), random links, embeds, tags, aliases and attachments. For each vault: no unhandled exception, the same
/// bytes with private notes deleted (non-interference), the same bytes under another culture (determinism), nothing
/// written outside the site, and no symlink in it. The seed of a failure is printed by CsCheck; rerun with it.
/// </summary>
public sealed class RandomVaultTests(ITestOutputHelper output)
{
    private static readonly string[] Names = ["Note", "note", "NOTE", "Café", "Cafe\u0301", "CON", "a b", "x#y", "q?r", "50%", "🌱", "Plan", "Plan!", "index", "Ideas", "日本語", "tags", "search", "a.b", " lead", "zero\u200Bwidth"];
    private static readonly string[] Folders = ["", "", "A", "a", "B/C", "Ω", "tags"];
    private static readonly string[] PublishLines =
        ["publish: true", "publish: \"TRUE\"", "publish: false", "", "publish: yes", "publish: true\ndraft: true", "publish: [true", "NO-FRONT-MATTER", "publish: 1", "publish: true\npublish: true"];
    private static readonly string[] TagPool = ["t", "T", "t/sub", "x-y", "123", "ünï", "a/b/c"];
    private static readonly string[] AliasPool = ["Alias", "alias", "../up", "a/b", "Plan", "%2e%2e", "café"];
    private static readonly string[] Attachments = ["pic.png", "doc.pdf", "song.mp3", "Pic.png", "data.bin"];

    public sealed record GenNote(int Name, int Folder, int Publish, int[] Tags, int[] Aliases, int[] Links, int[] Embeds, int[] Files, int Fragment);

    private static readonly Gen<GenNote> NoteGen =
        Gen.Select(
            Gen.Select(Gen.Int[0, Names.Length - 1], Gen.Int[0, Folders.Length - 1], Gen.Int[0, PublishLines.Length - 1], Gen.Int[0, 3]),
            Gen.Int[0, TagPool.Length - 1].Array[0, 3], Gen.Int[0, AliasPool.Length - 1].Array[0, 2],
            Gen.Int[0, 30].Array[0, 4], Gen.Int[0, 30].Array[0, 2], Gen.Int[0, Attachments.Length - 1].Array[0, 2],
            (head, tags, aliases, links, embeds, files) => new GenNote(head.Item1, head.Item2, head.Item3, tags, aliases, links, embeds, files, head.Item4));

    private static readonly Gen<GenNote[]> VaultGen = NoteGen.Array[1, 12];

    [Fact]
    [Trait("Category", "Property")]
    public void Generated_vaults_keep_every_guarantee()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_PROPERTY_CASES"), out var n) ? n : 2000;
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_PROPERTY_SECONDS"), out var s) ? s : -1;
        var checkedCases = 0;
        VaultGen.Sample(vault =>
        {
            Check(vault);
            Interlocked.Increment(ref checkedCases);
        }, iter: cases, time: seconds < 0 ? -1 : seconds, threads: 1, print: Describe);
        output.WriteLine($"{checkedCases} generated vaults checked");
    }

    private static void Check(GenNote[] vault)
    {
        using var full = TestGarden.Create(Files(vault, pruned: false));
        using var pruned = TestGarden.Create(Files(vault, pruned: true));
        var before = Snapshot(full.Root);
        var first = full.Build();
        var second = WithCulture("tr-TR", () => full.Build(System.IO.Path.Combine(full.Root, "out-tr")));
        var alone = pruned.Build();
        Assert.Equal(before, Snapshot(full.Root));
        Assert.Equal(first.Succeeded, second.Succeeded);
        Assert.Equal(first.Succeeded, alone.Succeeded);
        if (!first.Succeeded) return;
        var manifest = TestGarden.Manifest(full.Output);
        Assert.Equal(manifest, TestGarden.Manifest(System.IO.Path.Combine(full.Root, "out-tr")));
        Assert.Equal(manifest, TestGarden.Manifest(pruned.Output));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(full.Output, "*", SearchOption.AllDirectories), e => new FileInfo(e).LinkTarget is not null);
    }

    private static bool IsPublic(GenNote note) => note.Publish is 0 or 1;

    private static string NotePath(GenNote note) => (Folders[note.Folder].Length == 0 ? "" : Folders[note.Folder] + "/") + Names[note.Name] + ".md";

    /// <summary>The vault as inline files; with <paramref name="pruned"/>, private notes and attachments only they use are left out.</summary>
    private static string Files(GenNote[] vault, bool pruned)
    {
        var builder = new System.Text.StringBuilder();
        var written = new HashSet<string>(StringComparer.Ordinal);
        var usedByPublic = new HashSet<int>();
        var kept = new List<GenNote>();
        foreach (var note in vault)
        {
            if (!written.Add(NotePath(note))) continue;
            kept.Add(note);
            if (IsPublic(note)) foreach (var f in note.Files) usedByPublic.Add(f);
        }
        foreach (var note in kept)
        {
            if (pruned && !IsPublic(note)) continue;
            builder.Append("-- content/").Append(NotePath(note)).Append(" --\n");
            var publish = PublishLines[note.Publish];
            if (publish != "NO-FRONT-MATTER")
            {
                builder.Append("---\n").Append(publish).Append('\n');
                if (note.Tags.Length > 0) builder.Append("tags: [").Append(string.Join(", ", note.Tags.Select(t => "\"" + TagPool[t] + "\""))).Append("]\n");
                if (note.Aliases.Length > 0) builder.Append("aliases: [").Append(string.Join(", ", note.Aliases.Select(a => "\"" + AliasPool[a] + "\""))).Append("]\n");
                builder.Append("updated: 2024-0").Append(1 + note.Name % 9).Append("-1").Append(note.Folder).Append('\n');
                builder.Append("---\n");
            }
            builder.Append("# Heading\n\nParagraph with #").Append(TagPool[note.Tags.FirstOrDefault()]).Append(" in it ^blk\n\n");
            foreach (var link in note.Links)
            {
                var target = vault[link % vault.Length];
                var fragment = note.Fragment switch { 1 => "#Heading", 2 => "#^blk", 3 => "#Missing", _ => "" };
                builder.Append("See [[").Append(Names[target.Name]).Append(fragment).Append("|label ").Append(link).Append("]] and [[").Append(NotePath(target)[..^3]).Append("]].\n\n");
            }
            foreach (var embed in note.Embeds) builder.Append("![[").Append(Names[vault[embed % vault.Length].Name]).Append("]]\n\n");
            foreach (var file in note.Files) builder.Append("![[").Append(Attachments[file]).Append("|100]]\n\n");
        }
        for (var i = 0; i < Attachments.Length; i++)
        {
            // Links match attachments without regard to case, so a name a public note uses keeps all its case twins.
            if (pruned && !usedByPublic.Any(u => string.Equals(Attachments[u], Attachments[i], StringComparison.OrdinalIgnoreCase))) continue;
            builder.Append("-- content/files/").Append(Attachments[i]).Append(" --\nbytes ").Append(i).Append('\n');
        }
        return builder.ToString();
    }

    private static string Describe(GenNote[] vault) => Files(vault, pruned: false);

    private static List<string> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Where(e => !e.StartsWith(System.IO.Path.Combine(root, "_site"), StringComparison.Ordinal) && !e.StartsWith(System.IO.Path.Combine(root, "out-tr"), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

    private static T WithCulture<T>(string name, Func<T> action)
    {
        var (current, ui, thread) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture);
        try
        {
            var culture = new CultureInfo(name);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.DefaultThreadCurrentCulture = thread;
            CultureInfo.DefaultThreadCurrentUICulture = thread;
        }
    }
}
