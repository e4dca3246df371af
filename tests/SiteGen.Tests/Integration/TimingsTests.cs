using SiteGen.Tests.Support;

namespace SiteGen.Tests.Integration;

/// <summary>
/// What <c>--timings</c> reports: every stage of the pipeline once, in order, within the build's own time, and the
/// share of the content stage spent highlighting code. Nothing here judges a duration, only what is counted.
/// </summary>
public sealed class TimingsTests
{
    private static readonly string[] Stages = ["configuration", "vault", "notes", "markdown", "linking", "content", "garden", "emitting", "writing"];

    private const string GardenWithCode = """
-- content/A.md --
---
publish: true
---
# A

```python
def f(x):
    return x
```

```csharp
var n = 1;
```

```text
not code
```
-- content/B.md --
---
publish: true
---
No code here, only `inline code`.
-- content/Secret.md --
---
publish: false
---
```python
print("zqpriv")
```
""";

    [Fact]
    public void Every_stage_is_timed_once_in_pipeline_order_within_the_build()
    {
        using var garden = TestGarden.Create(GardenWithCode);
        var result = garden.BuildOk();

        Assert.Equal(Stages, result.Timings.Select(t => t.Stage));
        Assert.All(result.Timings, t => Assert.True(t.Elapsed >= TimeSpan.Zero, t.Stage));
        // The stages are consecutive slices of the build's clock, so together they cannot outlast it.
        Assert.True(result.Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed) <= result.Elapsed);
    }

    [Fact]
    public void The_content_stage_counts_the_code_blocks_it_highlights()
    {
        using var garden = TestGarden.Create(GardenWithCode);
        var content = garden.BuildOk().Timings.Single(t => t.Stage == "content");

        var highlighting = Assert.Single(content.Parts);
        Assert.Equal("highlighting", highlighting.Stage);
        // The python and C# blocks of the public note; plain text is not coloured, and the private note is never read.
        Assert.Equal(2, highlighting.Items);
        Assert.True(highlighting.Cpu > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, highlighting.Elapsed);
    }

    [Fact]
    public void A_garden_without_code_spends_nothing_on_highlighting()
    {
        using var garden = TestGarden.Create("""
-- content/A.md --
---
publish: true
---
Prose, and a [[B]].
-- content/B.md --
---
publish: true
---
```text
plain
```
""");
        var highlighting = Assert.Single(garden.BuildOk().Timings.Single(t => t.Stage == "content").Parts);
        Assert.Equal(0, highlighting.Items);
        Assert.Equal(TimeSpan.Zero, highlighting.Cpu);
    }

    [Fact]
    public void The_cli_prints_a_line_per_stage_and_the_highlighting_under_content()
    {
        using var garden = TestGarden.Create(GardenWithCode);
        var (code, _, stderr) = SitegenProcess.Run($"build \"{garden.Root}\" --quiet --timings", garden.Root);
        Assert.Equal(0, code);

        var lines = stderr.Split('\n').Where(l => l.StartsWith("timing ", StringComparison.Ordinal)).ToList();
        // A stage's name is padded out to its figures; parts are indented under their stage.
        var stages = lines.Where(l => !l.StartsWith("timing  ", StringComparison.Ordinal) && !l.StartsWith("timing gc:", StringComparison.Ordinal))
            .Select(l => l["timing ".Length..].Split("  ")[0]).ToList();
        // The command line adds the process's start before the first stage and, with the build cache on, its saving after the last.
        Assert.Equal(["start-up", .. Stages, "saving cache"], stages);

        var content = lines.FindIndex(l => l.StartsWith("timing content ", StringComparison.Ordinal));
        Assert.StartsWith("timing   highlighting ", lines[content + 1]);
        Assert.EndsWith("(2 items)", lines[content + 1].TrimEnd());
    }
}
