using System.Globalization;
using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Notes;

/// <summary>
/// Splits a note into its YAML header and body, and types the header. Every failure is a diagnostic with
/// <c>file:line</c> and a null <see cref="FrontMatterResult.FrontMatter"/>, which the publish rules treat as private.
/// </summary>
public static class FrontMatterReader
{
    public const int MaxBytes = 64 * 1024;
    public const int MaxDepth = 32;
    private const int MaxNodes = 20_000;

    public static FrontMatterResult Read(string text, string file)
    {
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        var firstEnd = LineEnd(text, start, out var firstNext);
        if (text.AsSpan(start, firstEnd - start).TrimEnd() is not "---")
            return new FrontMatterResult(FrontMatter.Empty, false, start, 1, []);

        var headerStart = firstNext;
        var position = firstNext;
        var line = 2;
        while (position < text.Length)
        {
            var end = LineEnd(text, position, out var next);
            var content = text.AsSpan(position, end - position).TrimEnd();
            if (content is "---" or "...")
            {
                var header = text[headerStart..position];
                return Parse(header, file, next, line + 1);
            }
            position = next;
            line++;
        }
        return Failed(file, 1, "SG0301", "front matter is not closed by a '---' line; the note stays private", text.Length, line);
    }

    private static FrontMatterResult Parse(string header, string file, int bodyStart, int bodyLine)
    {
        if (header.Length > MaxBytes)
            return Failed(file, 2, "SG0302", $"front matter is larger than {MaxBytes / 1024} KiB; the note stays private", bodyStart, bodyLine);
        var problems = new List<Diagnostic>();
        if (UnrenderedTemplateLine(header) is { } templateLine)
            return Failed(file, 1 + templateLine, "SG0308", "front matter holds an unrendered template placeholder ({{…}}); the note stays private", bodyStart, bodyLine);
        if (TabIndentedLine(header) is { } tabLine)
            return Failed(file, 1 + tabLine, "SG0303", "front matter is indented with a tab, which YAML does not allow; the note stays private", bodyStart, bodyLine);
        try
        {
            var stream = new YamlStream();
            stream.Load(new ShapeCheckingParser(new Parser(new StringReader(header))));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" } || stream.Documents[0].RootNode is YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" })
                return new FrontMatterResult(FrontMatter.Empty, true, bodyStart, bodyLine, []);
            if (stream.Documents[0].RootNode is not YamlMappingNode root)
                return Failed(file, 2, "SG0304", "front matter is not a list of 'key: value' lines (is a space missing after a colon?); the note stays private", bodyStart, bodyLine);
            var typed = new Typist(file, problems).Type(root);
            return new FrontMatterResult(typed, true, bodyStart, bodyLine, problems);
        }
        catch (ShapeException e)
        {
            return Failed(file, 2 + (int)e.Line - 1, "SG0303", e.Message, bodyStart, bodyLine);
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
            return Failed(file, 1 + (int)e.Start.Line, "SG0305", $"front matter does not parse ({message}); the note stays private", bodyStart, bodyLine);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return Failed(file, 2, "SG0305", $"front matter does not parse ({e.Message}); the note stays private", bodyStart, bodyLine);
        }
    }

    /// <summary>
    /// Passes the YAML events on to the node builder while counting them, so that deep nesting and alias bombs are
    /// refused as they are met, before they cost anything, in the same single pass that builds the nodes.
    /// </summary>
    private sealed class ShapeCheckingParser(IParser inner) : IParser
    {
        private int _depth;
        private int _events;
        private int _aliases;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            var current = inner.Current!;
            if (++_events > MaxNodes) throw new ShapeException(current.Start.Line, "front matter has too many values; the note stays private");
            switch (current)
            {
                case MappingStart or SequenceStart:
                    if (++_depth > MaxDepth) throw new ShapeException(current.Start.Line, $"front matter is nested deeper than {MaxDepth} levels; the note stays private");
                    break;
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
                case AnchorAlias:
                    if (++_aliases > 16) throw new ShapeException(current.Start.Line, "front matter uses too many YAML aliases; the note stays private");
                    break;
            }
            return true;
        }
    }

    private sealed class ShapeException(long line, string message) : Exception(message)
    {
        public long Line { get; } = line;
    }

    /// <summary>
    /// A value such as <c>date: {{date}}</c> left by a note template is valid YAML (a nested flow mapping) but was never
    /// meant as data; such a note is treated as unfinished, so it stays private.
    /// </summary>
    private static int? UnrenderedTemplateLine(string header)
    {
        var lines = header.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon >= 0 && lines[i].AsSpan(colon + 1).TrimStart().StartsWith("{{", StringComparison.Ordinal)) return i + 1;
        }
        return null;
    }

    private static int? TabIndentedLine(string header)
    {
        var lines = header.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].AsSpan(0, indent).Contains('\t')) return i + 1;
        }
        return null;
    }

    private static FrontMatterResult Failed(string file, int line, string code, string message, int bodyStart, int bodyLine) =>
        new(null, true, bodyStart, bodyLine, [new Diagnostic(Severity.Warning, code, message, file, line)]);

    private static int LineEnd(string text, int start, out int next)
    {
        var newline = text.IndexOf('\n', start);
        if (newline < 0)
        {
            next = text.Length;
            return text.Length;
        }
        next = newline + 1;
        return newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
    }

    private sealed class Typist(string file, List<Diagnostic> problems)
    {
        private int _budget = MaxNodes;

        public FrontMatter Type(YamlMappingNode root)
        {
            var fm = new FrontMatter();
            var extra = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in root.Children)
            {
                var key = keyNode is YamlScalarNode { Value: { } k } ? k : "";
                fm = key switch
                {
                    "title" => fm with { Title = Scalar(value) },
                    "publish" => fm with { Publish = StrictTrue(value, key) },
                    "draft" => fm with { Draft = StrictTrue(value, null) },
                    "private" => fm with { Private = StrictTrue(value, null) },
                    "tags" or "tag" => fm with { Tags = [.. fm.Tags, .. SplitTags(value)] },
                    "aliases" or "alias" => fm with { Aliases = [.. fm.Aliases, .. List(value)] },
                    "permalink" or "slug" => fm with { Permalink = Scalar(value), PermalinkLine = Line(value) },
                    "description" or "summary" => fm with { Description = Scalar(value) },
                    "created" or "date" => fm with { Created = fm.Created ?? Date(value, key) },
                    "updated" or "modified" or "lastmod" => fm with { Updated = fm.Updated ?? Date(value, key) },
                    "status" or "stage" => fm with { Status = Scalar(value)?.Trim().ToLowerInvariant() },
                    "cssclasses" or "cssclass" => fm with { CssClasses = [.. fm.CssClasses, .. List(value)] },
                    "feed" => fm with { Feed = Scalar(value)?.Trim().ToLowerInvariant() is not ("false" or "no") },
                    _ => AddParam(fm, extra, key, value),
                };
            }
            return fm with { Params = extra };
        }

        private FrontMatter AddParam(FrontMatter fm, SortedDictionary<string, object?> extra, string key, YamlNode value)
        {
            extra[key] = ToPlain(value);
            return fm;
        }

        /// <summary>
        /// Fail closed: only a plain YAML <c>true</c> or a quoted "true" (any case) counts, so <c>yes</c>, <c>1</c>,
        /// <c>[true]</c> and typos stay private. Obsidian's property editor writes quoted strings, hence the second form.
        /// </summary>
        private bool StrictTrue(YamlNode node, string? reportKey)
        {
            if (node is YamlScalarNode scalar)
            {
                var value = scalar.Value ?? "";
                var isTrue = scalar.Style == ScalarStyle.Plain
                    ? value is "true" or "True" or "TRUE"
                    : value.Equals("true", StringComparison.OrdinalIgnoreCase);
                var isFalse = scalar.Style == ScalarStyle.Plain
                    ? value is "false" or "False" or "FALSE"
                    : value.Equals("false", StringComparison.OrdinalIgnoreCase);
                if (isTrue) return true;
                if (isFalse) return false;
            }
            if (reportKey is not null)
                problems.Add(new Diagnostic(Severity.Warning, "SG0306", $"'{reportKey}' is not true or false, so the note stays private", file, Line(node)));
            return false;
        }

        private string? Scalar(YamlNode node) => node switch
        {
            YamlScalarNode { Value: { } v } s when !IsNull(s) => v,
            YamlSequenceNode seq => string.Join(", ", seq.Children.Select(Scalar).OfType<string>()),
            _ => null,
        };

        private static bool IsNull(YamlScalarNode s) =>
            s.Style == ScalarStyle.Plain && s.Value is "~" or "null" or "Null" or "NULL" or "";

        private IReadOnlyList<string> List(YamlNode node) => node switch
        {
            YamlSequenceNode seq => seq.Children.Select(Scalar).OfType<string>().Where(s => s.Length > 0).ToList(),
            YamlScalarNode s when Scalar(s) is { Length: > 0 } v => [v],
            _ => [],
        };

        private IEnumerable<string> SplitTags(YamlNode node) =>
            (node is YamlScalarNode s && Scalar(s) is { } text
                ? text.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
                : List(node))
            .Select(t => t.Trim().TrimStart('#').Trim())
            .Where(t => t.Length > 0);

        private DateTimeOffset? Date(YamlNode node, string key)
        {
            var text = Scalar(node);
            if (text is null) return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
                return date;
            problems.Add(new Diagnostic(Severity.Warning, "SG0307", $"'{key}' is not a date (use YYYY-MM-DD); it is ignored", file, Line(node)));
            return null;
        }

        private int Line(YamlNode node) => 1 + (int)node.Start.Line;

        /// <summary>Unknown keys reach templates as plain strings, lists and maps; the node budget stops alias expansion blowing up.</summary>
        private object? ToPlain(YamlNode node)
        {
            if (--_budget < 0) return null;
            return node switch
            {
                YamlScalarNode s => IsNull(s) ? null : s.Value,
                YamlSequenceNode seq => seq.Children.Select(ToPlain).ToList(),
                YamlMappingNode map => map.Children
                    .Where(p => p.Key is YamlScalarNode { Value: not null })
                    .GroupBy(p => ((YamlScalarNode)p.Key).Value!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => ToPlain(g.First().Value), StringComparer.Ordinal),
                _ => null,
            };
        }
    }
}
