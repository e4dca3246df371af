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

    // Outputs by nesting depth (page, layout, include), kept for the thread's next page: their builders stay grown,
    // so a page does not regrow a buffer chunk by chunk for every template it renders.
    private readonly List<StringBuilderOutput> _outputs = [];
    private int _outputDepth;

    /// <summary>Pushes this depth's reusable output; <see cref="Template.Render(TemplateContext)"/> empties it after use.</summary>
    public void PushReusedOutput()
    {
        if (_outputDepth == _outputs.Count) _outputs.Add(new StringBuilderOutput(new System.Text.StringBuilder(16 * 1024)));
        PushOutput(_outputs[_outputDepth++]);
    }

    public void PopReusedOutput()
    {
        PopOutput();
        _outputDepth--;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is RawHtml raw) return base.Write(span, raw.Html);
        var text = ObjectToString(textAsObject);
        return base.Write(span, text is null ? null! : WebUtility.HtmlEncode(text));
    }
}
