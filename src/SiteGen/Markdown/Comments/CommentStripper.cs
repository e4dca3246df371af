namespace SiteGen.Markdown.Comments;

// TEMPORARY stub until the markdown branch lands.
public static class CommentStripper
{
    public static string Strip(string markdown) => markdown;
}
