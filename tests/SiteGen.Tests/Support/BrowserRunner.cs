using System.Diagnostics;
using System.Text.Json;

namespace SiteGen.Tests.Support;

/// <summary>Runs a browser test script from tests/browser under node with real headless Chromium, and returns its JSON report.</summary>
internal static class BrowserRunner
{
    public static JsonElement Run(string script, params string[] arguments)
    {
        var modules = Path.Combine(Repo.Root, "site-template", "node_modules");
        var missing = !Directory.Exists(Path.Combine(modules, "playwright-core")) ? "playwright-core is missing: run 'npm ci' in site-template"
            : !File.Exists(Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium") ? "Chromium is missing: install Debian's chromium package (.ci/run does)"
            : null;
        // CI must run the browser tests; a developer without Chromium gets a skip that says what to install.
        if (missing is not null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(missing);
        Skip.If(missing is not null, missing);
        var path = Path.Combine(Repo.Root, "tests", "browser", script);
        var start = new ProcessStartInfo("node", string.Join(' ', new[] { path }.Concat(arguments.Take(1)).Append(modules).Concat(arguments.Skip(1)).Select(a => $"\"{a}\"")))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(300_000), "the browser test hung");
        Assert.True(output.Length > 0, $"{script} printed no report: {error.Result}");
        var report = JsonDocument.Parse(output).RootElement.Clone();
        var failures = report.GetProperty("failures").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.True(failures.Count == 0 && process.ExitCode == 0, $"{script}: {string.Join("\n", failures)}\n{error.Result}");
        return report;
    }
}
