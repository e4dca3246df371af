using System.CommandLine;
using SiteGen.Cli.Commands.Build;
using SiteGen.Cli.Commands.Check;
using SiteGen.Cli.Commands.Init;
using SiteGen.Cli.Commands.New;
using SiteGen.Cli.Commands.Serve;

namespace SiteGen.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("SiteGen turns a folder of markdown notes into a digital garden, publishing only the notes marked public.");
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(NewCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run 'sitegen --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"internal error: {e}");
            return ExitCodes.Internal;
        }
    }
}
