namespace SiteGen.Tests.Markdown;

/// <summary>One example of a spec file: markdown in, HTML out.</summary>
internal sealed record SpecExample(string File, int Number, int Line, string Markdown, string Html);
