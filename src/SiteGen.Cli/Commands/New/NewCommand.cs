using System.CommandLine;

namespace SiteGen.Cli.Commands.New;

/// <summary>The arguments and options of <c>sitegen new</c>.</summary>
public static class NewCommand
{
    public static Command Create()
    {
        var title = new Argument<string>("TITLE") { Description = "The note's title, also its file name" };
        var folder = new Option<string?>("--folder") { Description = "A folder inside the content folder" };
        var template = new Option<string?>("--template") { Description = "A note template, relative to the garden root (default: templates/note.md when it exists)" };
        var root = new Option<string>("--root") { Description = "The garden folder", DefaultValueFactory = _ => "." };
        var command = new Command("new", "Create a new PRIVATE note with today's date and empty tags; never overwrites");
        command.Arguments.Add(title);
        command.Options.Add(folder);
        command.Options.Add(template);
        command.Options.Add(root);
        command.SetAction(parsed => NewRunner.Run(parsed.GetValue(root) ?? ".", parsed.GetValue(title)!, parsed.GetValue(folder), parsed.GetValue(template)));
        return command;
    }
}
