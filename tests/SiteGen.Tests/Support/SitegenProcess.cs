using System.Diagnostics;

namespace SiteGen.Tests.Support;

/// <summary>Runs the built <c>sitegen</c> CLI as a process, as a user would.</summary>
internal static class SitegenProcess
{
    public static (int Code, string Stdout, string Stderr) Run(string arguments, string workingDirectory, params (string Name, string Value)[] environment)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "sitegen.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{cli}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["CI"] = "";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    /// <summary>Runs git in <paramref name="directory"/> and fails the test when it fails.</summary>
    public static void Git(string directory, string arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {arguments}: {error}");
    }

    /// <summary>Stages everything and commits it at a fixed date.</summary>
    public static void Commit(string root, string date, string message)
    {
        Git(root, "add -A");
        Git(root, $"-c user.name=Test -c user.email=t@example.org commit -q -m {message}", ("GIT_AUTHOR_DATE", date), ("GIT_COMMITTER_DATE", date));
    }
}
