using SiteGen.Markdown.Comments;
using Xunit;

namespace SiteGen.Tests.Markdown;

public sealed class CommentStripperTests
{
    [Fact]
    public void Inline_comment_is_removed()
    {
        Assert.Equal("a  b", CommentStripper.Strip("a %%secret%% b"));
    }

    [Fact]
    public void Multi_line_comment_keeps_every_line_break()
    {
        var input = "one\n%% first\nsecret\r\nlast %%two\nthree";

        var output = CommentStripper.Strip(input);

        Assert.Equal("one\n\n\r\ntwo\nthree", output);
        Assert.Equal(input.Count(c => c == '\n'), output.Count(c => c == '\n'));
        Assert.DoesNotContain("secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_comment_hides_the_rest_of_the_note()
    {
        Assert.Equal("shown \n\n\n", CommentStripper.Strip("shown %% secret\n\nmore secret\n"));
    }

    [Fact]
    public void Percent_signs_in_inline_code_are_kept()
    {
        const string input = "run `a %% b` and ``x ` %% y`` %%gone%%";
        Assert.Equal("run `a %% b` and ``x ` %% y`` ", CommentStripper.Strip(input));
    }

    [Theory]
    [InlineData("```\n%% kept %%\n```\n%%gone%%", "```\n%% kept %%\n```\n")]
    [InlineData("~~~~ python\n%% kept\n~~~\nstill code %%\n~~~~\nafter%%gone%%", "~~~~ python\n%% kept\n~~~\nstill code %%\n~~~~\nafter")]
    [InlineData("> ```\n> %% kept %%\n> ```\n", "> ```\n> %% kept %%\n> ```\n")]
    [InlineData("```\n%% kept to the end", "```\n%% kept to the end")]
    public void Percent_signs_in_fenced_code_are_kept(string input, string expected)
    {
        Assert.Equal(expected, CommentStripper.Strip(input));
    }

    [Fact]
    public void A_fence_inside_a_quote_ends_with_the_quote()
    {
        // Markdig closes the quote, and the code block with it, at the first line without '>'.
        var output = CommentStripper.Strip("> ```\n> code\nafter %%secret%%\n");
        Assert.Equal("> ```\n> code\nafter \n", output);
    }

    [Fact]
    public void A_fence_in_a_list_item_ends_at_a_line_indented_less()
    {
        var output = CommentStripper.Strip("- item\n  ```\n  %% kept %%\nout %%secret%%\n");
        Assert.Equal("- item\n  ```\n  %% kept %%\nout \n", output);
    }

    [Fact]
    public void A_code_span_over_two_lines_does_not_protect_a_comment()
    {
        // Fail closed: Markdig may not see a code span here (the second line can start a new block).
        var output = CommentStripper.Strip("`start\n- %%secret%% end`");
        Assert.DoesNotContain("secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Backticks_in_a_fence_info_string_make_it_inline_code_not_a_fence()
    {
        var output = CommentStripper.Strip("```js` %%secret%%\n");
        Assert.DoesNotContain("secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_comments_is_returned_as_is()
    {
        const string input = "50% of 100% is fine\n";
        Assert.Same(input, CommentStripper.Strip(input));
    }

    [Fact]
    public void Nothing_of_a_comment_reaches_the_html()
    {
        var markdown = "# Title\n\nText %%[[Private Note]] #secret-tag ![[diary.png]]%% more.\n\n%%\n> [!note] hidden\n%%\n";
        var html = SiteGen.Markdown.SiteGenMarkdown.RenderHtml(SiteGen.Markdown.SiteGenMarkdown.Parse(CommentStripper.Strip(markdown)));

        Assert.DoesNotContain("Private", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", html, StringComparison.Ordinal);
        Assert.DoesNotContain("diary", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", html, StringComparison.Ordinal);
    }
}
