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
        // Scriban cuts any value longer than a million characters to "...": a tag page listing 800 notes lost its end.
        LimitToString = 0;
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

    private readonly List<PassThroughOutput> _passThrough = [];
    private int _passThroughDepth;

    /// <summary>Pushes an output that writes into the current one, and whose text, as a render's result, is empty.</summary>
    public void PushPassThroughOutput()
    {
        if (_passThroughDepth == _passThrough.Count) _passThrough.Add(new PassThroughOutput());
        var output = _passThrough[_passThroughDepth++];
        output.Target = Output;
        PushOutput(output);
    }

    public void PopPassThroughOutput()
    {
        PopOutput();
        _passThroughDepth--;
    }

    private sealed class PassThroughOutput : IScriptOutput
    {
        public IScriptOutput Target { get; set; } = null!;

        public void Write(string text, int offset, int count) => Target.Write(text, offset, count);

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken) =>
            Target.WriteAsync(text, offset, count, cancellationToken);

        public override string ToString() => "";
    }

    /// <summary>The thread's output for a page's main part, which its layout then writes (see <see cref="MainHtml"/>).</summary>
    public MainHtml.Output MainOutput { get; } = new();

    /// <summary>The thread's UTF-8 output for whole pages (see <see cref="Theme.RenderPage"/>).</summary>
    public Utf8Output PageOutput { get; } = new();

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is MainHtml main)
        {
            if (!EnableOutput || Output is not Utf8Output page) return base.Write(span, main.ToString());
            foreach (var chunk in main.Builder.GetChunks()) page.Write(chunk.Span);
            return this;
        }
        if (textAsObject is RawHtml raw) return base.Write(span, raw.Html);
        var text = ObjectToString(textAsObject);
        return base.Write(span, text is null ? null! : WebUtility.HtmlEncode(text));
    }
}
