using System.CommandLine;

namespace SiteGen.Cli.Commands.Check;

/// <summary>The arguments and options of <c>sitegen check</c>.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var root = new Argument<string>("ROOT") { Description = "The garden folder (holding sitegen.yml)", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 1) on warnings too, not only on errors" };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var config = new Option<string?>("--config") { Description = "A configuration file other than ROOT/sitegen.yml" };

        var command = new Command("check", "Run the whole build without writing anything, and list every problem with its file and line");
        command.Arguments.Add(root);
        command.Options.Add(strict);
        command.Options.Add(format);
        command.Options.Add(config);
        command.SetAction(parsed => CheckRunner.Run(new BuildOptions
        {
            Root = parsed.GetValue(root) ?? ".",
            ConfigFile = parsed.GetValue(config),
            BundledTheme = BundledTheme.Path,
            HidePrivateNames = CiMode.IsOn,
            DryRun = true,
        }, parsed.GetValue(strict), parsed.GetValue(format) == "json"));
        return command;
    }
}
