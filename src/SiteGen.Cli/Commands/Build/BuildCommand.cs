using System.CommandLine;

namespace SiteGen.Cli.Commands.Build;

/// <summary>The arguments and options of <c>sitegen build</c>.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var root = new Argument<string>("ROOT") { Description = "The garden folder (holding sitegen.yml)", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the site (default: output in sitegen.yml, else _site)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's absolute address, e.g. https://me.github.io/garden/" };
        var config = new Option<string?>("--config") { Description = "A configuration file other than ROOT/sitegen.yml" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors and the summary line" };
        var timings = new Option<bool>("--timings") { Description = "Print the wall time of each build stage" };
        var noCache = new Option<bool>("--no-cache") { Description = "Do all the work again, ignoring the build cache in ROOT/.sitegen/" };

        var command = new Command("build", "Build the garden into a static site");
        command.Arguments.Add(root);
        command.Options.Add(output);
        command.Options.Add(baseUrl);
        command.Options.Add(config);
        command.Options.Add(quiet);
        command.Options.Add(timings);
        command.Options.Add(noCache);
        command.SetAction(parsed => BuildRunner.Run(new BuildOptions
        {
            Root = parsed.GetValue(root) ?? ".",
            Output = parsed.GetValue(output),
            BaseUrl = parsed.GetValue(baseUrl),
            ConfigFile = parsed.GetValue(config),
            BundledTheme = BundledTheme.Path,
            HidePrivateNames = CiMode.IsOn,
        }, parsed.GetValue(quiet), parsed.GetValue(timings), useCache: !parsed.GetValue(noCache)));
        return command;
    }
}
