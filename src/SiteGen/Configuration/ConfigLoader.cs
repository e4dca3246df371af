using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Configuration;

/// <summary>Reads <c>sitegen.yml</c> into a <see cref="SiteConfig"/>. Unknown keys are warnings; bad values are a <see cref="ConfigException"/>.</summary>
public static class ConfigLoader
{
    public const string FileName = "sitegen.yml";

    public static SiteConfig Load(string? path, string displayName, DiagnosticBag diagnostics)
    {
        if (path is null || !File.Exists(path)) return new SiteConfig();
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ConfigException($"{displayName}:{e.Start.Line}:{e.Start.Column}: error SG0201: {FirstLine(e.Message)}");
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return new SiteConfig();
        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigException($"{displayName}:1: error SG0202: the configuration must be a mapping of keys to values");
        return new Reader(displayName, diagnostics).Read(root);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private sealed class Reader(string file, DiagnosticBag diagnostics)
    {
        public SiteConfig Read(YamlMappingNode root)
        {
            var config = new SiteConfig();
            foreach (var (keyNode, value) in root.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                config = key switch
                {
                    "title" => config with { Title = Text(value) },
                    "description" => config with { Description = Text(value) },
                    "author" => config with { Author = Text(value) },
                    "baseUrl" or "base_url" => config with { BaseUrl = BaseUrl(value) },
                    "language" => config with { Language = Text(value) },
                    "content" => config with { Content = RelativeFolder(value) },
                    "theme" => config with { Theme = RelativeFolder(value) },
                    "overrides" => config with { Overrides = RelativeFolder(value) },
                    "output" => config with { Output = Text(value) },
                    "publish" => ReadPublish(config, Mapping(value)),
                    "feeds" => ReadFeeds(config, Mapping(value)),
                    "markdown" => ReadMarkdown(config, Mapping(value)),
                    "search" => ReadSearch(config, Mapping(value)),
                    "check" => ReadCheck(config, Mapping(value)),
                    _ => Unknown(config, keyNode, key),
                };
            }
            return config;
        }

        private SiteConfig ReadPublish(SiteConfig config, YamlMappingNode map)
        {
            foreach (var (keyNode, value) in map.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                config = key switch
                {
                    "mode" => config with { PublishMode = Text(value).ToLowerInvariant() switch
                    {
                        "explicit" => PublishMode.Explicit,
                        "all" => PublishMode.All,
                        _ => throw Bad(value, "publish.mode must be 'explicit' or 'all'"),
                    } },
                    "include" => config with { Include = List(value) },
                    // Default excludes always apply: a config can add to them, never remove them.
                    "exclude" => config with { Exclude = [.. SiteConfig.DefaultExcludes, .. List(value)] },
                    _ => Unknown(config, keyNode, "publish." + key),
                };
            }
            return config;
        }

        private SiteConfig ReadFeeds(SiteConfig config, YamlMappingNode map)
        {
            foreach (var (keyNode, value) in map.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                config = key switch
                {
                    "limit" => config with { FeedLimit = Int(value, 1, 100_000) },
                    "topicLimit" => config with { FeedTopicLimitSetting = Int(value, 1, 100_000) },
                    _ => Unknown(config, keyNode, "feeds." + key),
                };
            }
            return config;
        }

        private SiteConfig ReadMarkdown(SiteConfig config, YamlMappingNode map)
        {
            foreach (var (keyNode, value) in map.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                config = key switch
                {
                    "trustHtml" => config with { TrustHtml = Bool(value) },
                    "maxNoteBytes" => config with { MaxNoteBytes = Int(value, 1024, int.MaxValue) },
                    _ => Unknown(config, keyNode, "markdown." + key),
                };
            }
            return config;
        }

        private SiteConfig ReadSearch(SiteConfig config, YamlMappingNode map)
        {
            foreach (var (keyNode, value) in map.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                config = key == "bodyWords" ? config with { SearchBodyWords = Int(value, 0, int.MaxValue) } : Unknown(config, keyNode, "search." + key);
            }
            return config;
        }

        private SiteConfig ReadCheck(SiteConfig config, YamlMappingNode map)
        {
            foreach (var (keyNode, value) in map.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                config = key == "ignore" ? config with { CheckIgnore = List(value) } : Unknown(config, keyNode, "check." + key);
            }
            return config;
        }

        private SiteConfig Unknown(SiteConfig config, YamlNode keyNode, string key)
        {
            diagnostics.Warn("SG0203", $"unknown configuration key '{key}' is ignored", file, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
            return config;
        }

        private YamlMappingNode Mapping(YamlNode node) =>
            node as YamlMappingNode ?? throw Bad(node, "expected a mapping");

        private string Text(YamlNode node) =>
            node is YamlScalarNode scalar ? scalar.Value ?? "" : throw Bad(node, "expected a single value");

        private string RelativeFolder(YamlNode node)
        {
            var text = Text(node);
            if (text.Length == 0 || Path.IsPathRooted(text) || text.Replace('\\', '/').Split('/').Contains(".."))
                throw Bad(node, "expected a folder inside the garden root");
            return text;
        }

        private string BaseUrl(YamlNode node)
        {
            var text = Text(node);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw Bad(node, "baseUrl must be an absolute http(s) address, such as https://me.github.io/garden/");
            return NormalizeBaseUrl(text);
        }

        private bool Bool(YamlNode node) => Text(node) switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Bad(node, "expected true or false"),
        };

        private int Int(YamlNode node, int min, int max) =>
            int.TryParse(Text(node), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : throw Bad(node, $"expected a whole number from {min} to {max}");

        private IReadOnlyList<string> List(YamlNode node) => node switch
        {
            YamlSequenceNode seq => seq.Children.Select(Text).ToList(),
            YamlScalarNode => [Text(node)],
            _ => throw Bad(node, "expected a list"),
        };

        private ConfigException Bad(YamlNode node, string message) =>
            new($"{file}:{node.Start.Line}:{node.Start.Column}: error SG0204: {message}");
    }

    /// <summary>Makes sure a base URL ends with '/', so relative paths join onto it.</summary>
    public static string NormalizeBaseUrl(string url) => url.EndsWith('/') ? url : url + "/";
}
