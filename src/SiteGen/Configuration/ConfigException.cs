namespace SiteGen.Configuration;

/// <summary>The configuration cannot be used; the build does not start (exit code 2).</summary>
public sealed class ConfigException(string message) : Exception(message);
