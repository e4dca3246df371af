namespace SiteGen.Markdown.Callouts;

/// <summary>Whether a callout folds: <c>[!type]</c> does not, <c>[!type]+</c> starts open, <c>[!type]-</c> starts closed.</summary>
public enum CalloutFold { None, Open, Closed }
