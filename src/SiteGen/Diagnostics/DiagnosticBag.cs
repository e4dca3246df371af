using System.Collections.Concurrent;

namespace SiteGen.Diagnostics;

/// <summary>Collects diagnostics from parallel stages and hands them back in a deterministic order.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Warn(string code, string message, string? file = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(Severity.Warning, code, message, file, line, column));

    public void Info(string code, string message, string? file = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(Severity.Info, code, message, file, line, column));

    public void Error(string code, string message, string? file = null, int line = 0, int column = 0) =>
        Add(new Diagnostic(Severity.Error, code, message, file, line, column));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Sorted by file, line, column, code and message (ordinal), so output never depends on thread timing.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        _items.Distinct()
            .OrderBy(d => d.File ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
