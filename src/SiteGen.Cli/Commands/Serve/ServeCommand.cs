using System.CommandLine;

namespace SiteGen.Cli.Commands.Serve;

/// <summary>The arguments and options of <c>sitegen serve</c>.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var root = new Argument<string>("ROOT") { Description = "The garden folder (holding sitegen.yml)", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var port = new Option<int>("--port") { Description = "The port to listen on", DefaultValueFactory = _ => 4000 };
        var host = new Option<string>("--host") { Description = "The address to listen on; anything but loopback exposes your drafts to the network", DefaultValueFactory = _ => "127.0.0.1" };
        var drafts = new Option<bool>("--drafts") { Description = "Also show notes with draft: true, under a banner (never written to the real site)" };
        var open = new Option<bool>("--open") { Description = "Open the site in the default browser" };
        var timings = new Option<bool>("--timings") { Description = "Print the wall time of each build stage after every rebuild" };
        var command = new Command("serve", "Build the garden into a private folder, serve it on loopback, and rebuild and reload on every change");
        command.Arguments.Add(root);
        command.Options.Add(port);
        command.Options.Add(host);
        command.Options.Add(drafts);
        command.Options.Add(open);
        command.Options.Add(timings);
        command.SetAction((parsed, cancel) => DevServer.RunAsync(parsed.GetValue(root) ?? ".", parsed.GetValue(host)!, parsed.GetValue(port), parsed.GetValue(drafts), parsed.GetValue(open), parsed.GetValue(timings), cancel));
        return command;
    }
}
