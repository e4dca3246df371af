namespace SiteGen.Rendering;

/// <summary>A theme template failed to parse or to render; the message starts with <c>file:line:col</c>.</summary>
public sealed class TemplateException(string message) : Exception(message);
