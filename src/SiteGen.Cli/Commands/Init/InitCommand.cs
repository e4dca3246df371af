using System.CommandLine;

namespace SiteGen.Cli.Commands.Init;

/// <summary>The arguments of <c>sitegen init</c>.</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "The folder to scaffold a garden in", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var command = new Command("init", "Scaffold a garden: sitegen.yml, example notes, .gitignore and a GitHub Pages workflow; never overwrites");
        command.Arguments.Add(dir);
        command.SetAction(parsed => InitRunner.Run(parsed.GetValue(dir) ?? "."));
        return command;
    }
}
