namespace SiteGen.Diagnostics;

/// <summary>One problem found while building, located at <c>file:line:column</c> when known.</summary>
/// <param name="File">Path relative to the garden root, with '/' separators; null for problems without a file.</param>
public sealed record Diagnostic(Severity Severity, string Code, string Message, string? File = null, int Line = 0, int Column = 0)
{
    public override string ToString()
    {
        var where = File is null ? "" : Line > 0 ? Column > 0 ? $"{File}:{Line}:{Column}: " : $"{File}:{Line}: " : $"{File}: ";
        var level = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        return $"{where}{level} {Code}: {Message}";
    }
}
