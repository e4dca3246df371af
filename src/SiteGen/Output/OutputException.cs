namespace SiteGen.Output;

/// <summary>The output folder cannot be used safely; nothing was written (exit code 2).</summary>
public sealed class OutputException(string message) : Exception(message);
