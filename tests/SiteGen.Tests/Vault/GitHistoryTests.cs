using SiteGen.Diagnostics;
using SiteGen.Tests.Support;
using SiteGen.Vault;

namespace SiteGen.Tests.Vault;

public sealed class GitHistoryTests
{
    [Fact]
    public void One_log_pass_gives_first_and_last_commit_dates_following_renames()
    {
        using var garden = TestGarden.Create("-- content/a.md --\nfirst\n-- content/other.md --\nx\n");
        SitegenProcess.Git(garden.Root, "init -q");
        SitegenProcess.Commit(garden.Root, "2024-01-01T00:00:00Z", "add");
        File.AppendAllText(Path.Combine(garden.Root, "content", "a.md"), "second\n");
        SitegenProcess.Commit(garden.Root, "2024-02-01T00:00:00Z", "edit");
        SitegenProcess.Git(garden.Root, "mv content/a.md \"content/Renamed é.md\"");
        SitegenProcess.Commit(garden.Root, "2024-03-01T00:00:00Z", "rename");

        var dates = GitHistory.Read(Path.Combine(garden.Root, "content"), new DiagnosticBag());

        var renamed = dates["Renamed é.md"];
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), renamed.First);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), renamed.Last);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), dates["other.md"].Last);
        Assert.False(dates.ContainsKey("a.md"));
    }

    [Fact]
    public void Notes_take_git_dates_when_the_front_matter_has_none()
    {
        using var garden = TestGarden.Create("-- content/n.md --\n---\npublish: true\n---\nbody\n-- content/d.md --\n---\npublish: true\ncreated: 2020-05-05\n---\nbody\n");
        SitegenProcess.Git(garden.Root, "init -q");
        SitegenProcess.Commit(garden.Root, "2023-06-01T00:00:00Z", "add");
        File.AppendAllText(Path.Combine(garden.Root, "content", "n.md"), "more\n");
        SitegenProcess.Commit(garden.Root, "2023-07-01T00:00:00Z", "edit");
        garden.BuildOk();
        var page = garden.Html("/n/");
        Assert.Equal("2023-06-01", page.QuerySelector(".dt-published")!.GetAttribute("datetime"));
        Assert.Equal("2023-07-01", page.QuerySelector(".dt-updated")!.GetAttribute("datetime"));
        Assert.Equal("2020-05-05", garden.Html("/d/").QuerySelector(".dt-published")!.GetAttribute("datetime"));
    }

    [Fact]
    public void A_shallow_clone_is_reported()
    {
        using var source = TestGarden.Create("-- content/n.md --\nx\n");
        SitegenProcess.Git(source.Root, "init -q");
        SitegenProcess.Commit(source.Root, "2023-06-01T00:00:00Z", "one");
        File.AppendAllText(Path.Combine(source.Root, "content", "n.md"), "y\n");
        SitegenProcess.Commit(source.Root, "2023-07-01T00:00:00Z", "two");
        var clone = source.Root + "-clone";
        try
        {
            SitegenProcess.Git(Path.GetTempPath(), $"clone -q --depth 1 \"file://{source.Root}\" \"{clone}\"");
            var diagnostics = new DiagnosticBag();
            GitHistory.Read(Path.Combine(clone, "content"), diagnostics);
            Assert.Contains(diagnostics.ToSortedList(), d => d.Code == "SG0111");
        }
        finally
        {
            if (Directory.Exists(clone)) Directory.Delete(clone, recursive: true);
        }
    }

    [Fact]
    public void Outside_a_repository_there_are_no_git_dates() =>
        Assert.Empty(GitHistory.Read(Path.GetTempPath(), new DiagnosticBag()));
}
