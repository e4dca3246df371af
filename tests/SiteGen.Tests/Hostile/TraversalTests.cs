using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Path traversal in build: payloads in wikilinks, embeds, markdown links and images, permalinks, aliases and
/// symlinks. A canary file outside the vault must contribute 0 bytes to the site, and nothing may be written
/// outside the output folder.
/// </summary>
public sealed class TraversalTests
{
    private const string Canary = "zqoutsidecanary77";

    public static readonly string[] Targets =
    [
        "../outside.txt", "../../outside.txt", "/outside.txt", "..\\outside.txt", "..%2foutside.txt", "%2e%2e/outside.txt",
        "%2e%2e%2foutside.txt", "..%5coutside.txt", "....//outside.txt", "./../outside.txt", "content/../../outside.txt",
        "file:///etc/passwd", "/etc/passwd", "../../../../../../etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share\\x",
        "%252e%252e/outside.txt", "..;/outside.txt", "../outside.txt%00.png", "..\u2215outside.txt", "\u2025/outside.txt",
        "~/outside.txt", "$HOME/outside.txt", "outside.txt/..", "mirror/secret.md", "mirror", "link-out.md", "link-out", "../", "..",
    ];

    public static readonly string[] Permalinks =
    [
        "../escape", "../../escape", "/../escape", "%2e%2e/escape", "..\\escape", "C:/escape", "a/../../escape", "./.", "a/\0/b", "//escape",
    ];

    [Fact]
    public void No_payload_reads_outside_the_vault_or_writes_outside_the_site()
    {
        Assert.True(Targets.Length + Permalinks.Length >= 30);
        var body = new System.Text.StringBuilder("---\npublish: true\n---\n");
        foreach (var target in Targets)
            body.Append($"[[{target}]] ![[{target}]] [md]({target.Replace(" ", "%20", StringComparison.Ordinal)}) ![img]({target}) <{target}>\n\n");
        var files = new System.Text.StringBuilder($"-- outside.txt --\n{Canary}\n-- content/index.md --\n{body}");
        for (var i = 0; i < Permalinks.Length; i++)
            files.Append($"-- content/p{i}.md --\n---\npublish: true\npermalink: \"{Permalinks[i].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal)}\"\naliases: [\"{Permalinks[i].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal)}\"]\n---\nx\n");
        using var garden = TestGarden.Create(files.ToString());
        var outsideDir = Path.Combine(garden.Root, "elsewhere");
        Directory.CreateDirectory(outsideDir);
        File.WriteAllText(Path.Combine(outsideDir, "secret.md"), $"---\npublish: true\n---\n{Canary}\n");
        Directory.CreateSymbolicLink(Path.Combine(garden.Root, "content", "mirror"), outsideDir);
        File.CreateSymbolicLink(Path.Combine(garden.Root, "content", "link-out.md"), Path.Combine(outsideDir, "secret.md"));
        File.CreateSymbolicLink(Path.Combine(garden.Root, "content", "passwd.md"), "/etc/passwd");

        var before = Snapshot(Path.GetDirectoryName(garden.Root)!, garden.Root);
        var result = garden.Build();
        // Unusable permalinks are errors for public notes, so this build fails and writes nothing; build again without them.
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "SG0401");
        Assert.False(Directory.Exists(garden.Output));
        Assert.Equal(before, Snapshot(Path.GetDirectoryName(garden.Root)!, garden.Root));
        for (var i = 0; i < Permalinks.Length; i++) garden.Delete($"content/p{i}.md");
        garden.Write(string.Concat(Permalinks.Select((p, i) => $"-- content/a{i}.md --\n---\npublish: true\naliases: [\"{p.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal)}\"]\n---\nx\n")));
        before = Snapshot(Path.GetDirectoryName(garden.Root)!, garden.Root);
        result = garden.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        foreach (var file in TestGarden.Files(garden.Output))
        {
            Assert.DoesNotContain(Canary, File.ReadAllText(Path.Combine(garden.Output, file)));
            Assert.DoesNotContain("root:x:0:0", File.ReadAllText(Path.Combine(garden.Output, file)));
            Assert.False(new FileInfo(Path.Combine(garden.Output, file)).LinkTarget is not null, $"{file} is a symlink");
        }
        Assert.Contains(result.Diagnostics, d => d.Code == "SG0101");
        var after = Snapshot(Path.GetDirectoryName(garden.Root)!, garden.Root);
        Assert.Equal(before, after);
        Assert.Equal($"{Canary}\n", File.ReadAllText(Path.Combine(garden.Root, "outside.txt")));
    }

    /// <summary>Every entry of the garden (vault, outside canary, siblings of the site) except the site itself, and the garden's siblings by name.</summary>
    private static List<string> Snapshot(string parent, string root) =>
        Directory.EnumerateFileSystemEntries(parent, Path.GetFileName(root) + "*", SearchOption.TopDirectoryOnly)
            .Concat(Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Where(e => !e.StartsWith(Path.Combine(root, "_site"), StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
}
