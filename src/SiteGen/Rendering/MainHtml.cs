using System.Text;
using Scriban.Runtime;

namespace SiteGen.Rendering;

/// <summary>
/// A page's main part (its kind's layout), as the base layout sees it in <c>{{ main }}</c>: HTML held in the
/// thread's buffer, copied straight into the page's bytes and never made into a string, unless a template uses it as
/// a value. Valid while its page renders.
/// </summary>
internal sealed class MainHtml(StringBuilder builder)
{
    public StringBuilder Builder { get; } = builder;

    public override string ToString() => Builder.ToString();

    /// <summary>Collects the main part; as a render's result its text is empty, since the text is in the builder.</summary>
    internal sealed class Output : IScriptOutput
    {
        public StringBuilder Builder { get; } = new(64 * 1024);

        public void Write(string text, int offset, int count) => Builder.Append(text, offset, count);

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }

        public override string ToString() => "";
    }
}
