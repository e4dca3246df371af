namespace SiteGen.Diagnostics;

/// <summary>Info never fails a build or a strict check; a warning fails only <c>check --strict</c>; an error fails the build.</summary>
public enum Severity { Info, Warning, Error }
