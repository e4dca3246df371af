using SiteGen.Markdown;
using SiteGen.Markdown.Comments;
using Xunit;

namespace SiteGen.Tests.Markdown;

/// <summary>Runs every example of every <c>Specs/*.md</c> file: strip comments, parse, link (<see cref="SpecLinker"/>), render.</summary>
public sealed class MarkdownSpecTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in Directory.GetFiles(SpecFile.Folder, "*.md").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            foreach (var example in SpecFile.Read(file)) data.Add(file, example.Number);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example(string file, int number)
    {
        var example = SpecFile.Read(file)[number - 1];

        var document = SiteGenMarkdown.Parse(CommentStripper.Strip(example.Markdown));
        SpecLinker.Link(document);
        var html = SiteGenMarkdown.RenderHtml(document);

        Assert.True(Normalize(example.Html) == Normalize(html),
            $"{file}:{example.Line} example {number}\n--- markdown\n{example.Markdown}--- expected\n{example.Html}\n--- actual\n{html}");
    }

    private static string Normalize(string html) => html.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
