using SiteGen.Diagnostics;

namespace SiteGen;

/// <summary>The outcome of a build: counts for the summary line, and every diagnostic in a stable order.</summary>
public sealed record BuildResult(
    bool Succeeded,
    string OutputFolder,
    int NotesPublished,
    int PrivateSkipped,
    int Pages,
    int Tags,
    int UnresolvedLinks,
    int FilesWritten,
    TimeSpan Elapsed,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>After a successful in-place build (serve), what lets the next one-note edit show before the rebuild.</summary>
    public Incremental.QuickEdit? QuickEdit { get; init; }

    /// <summary>In place: the site paths this build wrote or deleted.</summary>
    public IReadOnlyCollection<string> ChangedFiles { get; init; } = [];

    /// <summary>Each stage in order, for <c>--timings</c>.</summary>
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];

    /// <summary>Files taken from the previous build because nothing they are made from changed.</summary>
    public int FilesReused { get; init; }

    /// <summary>Files whose bytes were written this time (in place: only those that changed).</summary>
    public int FilesChanged { get; init; }

    /// <summary>Size of <c>search/index.json</c>, raw and gzipped (0 when nothing was built).</summary>
    public long SearchIndexBytes { get; init; }
    public long SearchIndexGzipBytes { get; init; }

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
    public int Infos => Diagnostics.Count(d => d.Severity == Severity.Info);
}

/// <summary>One stage of a build: its wall time, the processor time of every thread in it (garbage collection included), the bytes it allocated, and the managed heap when it ended.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, long HeapBytes)
{
    /// <summary>
    /// Work within the stage. A part with a wall time ran in parallel from the start of the stage (it may outlast it).
    /// A part without one (<see cref="Elapsed"/> zero) was spread through the stage: its <see cref="Cpu"/> is the time
    /// every thread spent in it, and <see cref="Items"/> how many things it handled (for highlighting, code blocks).
    /// </summary>
    public IReadOnlyList<StageTiming> Parts { get; init; } = [];

    public int Items { get; init; }
}
