using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace SiteGen.Rendering;

/// <summary>
/// Scriban has no auto-escaping (scriban#140), so this context escapes every value a template writes,
/// except <see cref="RawHtml"/>. A theme therefore cannot forget to escape a title, and never double-escapes.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext(ScriptObject builtins) : base(builtins)
    {
        LoopLimit = 10_000_000;
        RecursiveLimit = 64;
        MemberRenamer = StandardMemberRenamer.Default;
    }

    public int IncludeDepth { get; set; }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is RawHtml raw) return base.Write(span, raw.Html);
        var text = ObjectToString(textAsObject);
        return base.Write(span, text is null ? null! : WebUtility.HtmlEncode(text));
    }
}
