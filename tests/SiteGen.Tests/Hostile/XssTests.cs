using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Script injection: hostile strings in titles, tags, aliases, descriptions, file names, headings, link labels and
/// the body. Every HTML, XML and JSON output must parse, and no script element, on* attribute or javascript: URL
/// may appear beyond the theme's own.
/// </summary>
public sealed class XssTests
{
    public static readonly string[] Payloads =
    [
        "\"><script>alert(1)</script>", "</script><script>alert(2)</script>", "<img src=x onerror=alert(3)>", "<svg onload=alert(4)>",
        "<iframe srcdoc=\"<script>alert(5)</script>\">", "<a href=\"javascript:alert(6)\">x</a>", "javascript:alert(7)", "JaVaScRiPt:alert(8)",
        " javascript:alert(9)", "java\tscript:alert(10)", "]]>", "]]><script>alert(11)</script>", "<![CDATA[<script>alert(12)</script>]]>",
        "\u2028\u2029", "\u0001\u0002\u001f", "'onmouseover='alert(13)", "\" onfocus=\"alert(14)\" autofocus=\"", "<body onload=alert(15)>",
        "<math><mi xlink:href=\"javascript:alert(16)\">x</mi></math>", "<details open ontoggle=alert(17)>", "<input autofocus onfocus=alert(18)>",
        "<object data=\"javascript:alert(19)\">", "<embed src=\"javascript:alert(20)\">", "<form action=\"javascript:alert(21)\"><button>x</button></form>",
        "<button formaction=\"javascript:alert(22)\">x</button>", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(23)\">",
        "<link rel=import href=\"data:text/html,<script>alert(24)</script>\">", "<style>@import 'javascript:alert(25)'</style>",
        "<div style=\"background:url(javascript:alert(26))\">", "&lt;script&gt;alert(27)&lt;/script&gt;", "&#60;script&#62;alert(28)",
        "%3Cscript%3Ealert(29)%3C/script%3E", "{{ 7*7 }}", "{% raw %}", "<scr<script>ipt>alert(30)</scr</script>ipt>",
        "<svg><script>alert(31)</script></svg>", "<template><script>alert(32)</script></template>", "<noscript><p title=\"</noscript><img src=x onerror=alert(33)>\">",
        "data:text/html,<script>alert(34)</script>", "vbscript:msgbox(35)", "<video><source onerror=alert(36)>", "<audio src=x onerror=alert(37)>",
        "<marquee onstart=alert(38)>", "\\u003cscript\\u003ealert(39)", "<!--<script>alert(40)</script>-->", "`\"'><img src=x onerror=alert(41)>",
    ];

    [Fact]
    public void No_payload_injects_script_in_any_output()
    {
        Assert.True(Payloads.Length >= 40);
        var files = new System.Text.StringBuilder();
        files.Append("-- sitegen.yml --\nmarkdown:\n  trustHtml: false\n");
        for (var i = 0; i < Payloads.Length; i++)
        {
            var payload = Payloads[i];
            var yaml = JsonSerializer.Serialize(payload); // a JSON string is a valid YAML double-quoted scalar
            var label = payload.Replace("]", "", StringComparison.Ordinal).Replace("|", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
            var safeName = new string(payload.Where(c => c is not ('/' or '\\' or '\0') && !char.IsControl(c)).ToArray()).Trim('.', ' ');
            files.Append($"-- content/n{i:00} {safeName[..Math.Min(safeName.Length, 60)]}.md --\n");
            files.Append($"---\npublish: true\ntitle: {yaml}\ntags: [{yaml}, \"ok{i}\"]\naliases: [{yaml}]\ndescription: {yaml}\n---\n");
            files.Append($"# {payload}\n\n{payload}\n\n[[n{(i + 1) % Payloads.Length:00}|{label}]] [{label}](javascript:alert({i})) <{payload}>\n\n");
            files.Append($"> [!note] {payload}\n> {payload}\n\n");
        }
        using var garden = TestGarden.Create(files.ToString());
        garden.BuildOk();

        using var clean = TestGarden.Create("-- content/index.md --\n---\npublish: true\n---\nclean\n");
        clean.BuildOk();
        var themeScripts = ScriptSignatures(clean.Output);

        var parser = new HtmlParser();
        foreach (var file in TestGarden.Files(garden.Output))
        {
            var path = Path.Combine(garden.Output, file);
            var text = File.ReadAllText(path);
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                var document = parser.ParseDocument(text);
                foreach (var script in document.QuerySelectorAll("script"))
                    Assert.Contains(Signature(script), themeScripts);
                foreach (var element in document.All)
                {
                    foreach (var attribute in element.Attributes)
                    {
                        Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{file}: <{element.LocalName} {attribute.Name}>");
                        if (attribute.Name is "href" or "src" or "action" or "formaction" or "data" or "xlink:href" or "srcdoc")
                            Assert.False(IsScriptUrl(attribute.Value), $"{file}: {attribute.Name}={attribute.Value}");
                    }
                    Assert.DoesNotContain(element.LocalName, new[] { "object", "embed", "base", "meta", "link", "style" }.Where(_ => element.Closest(".note-content, .e-content") is not null));
                    if (element.LocalName == "iframe")
                        Assert.True(element.GetAttribute("src") is null or ['/', not '/', ..], $"{file}: iframe to {element.GetAttribute("src")}");
                }
            }
            else if (file.EndsWith(".xml", StringComparison.Ordinal))
            {
                XDocument.Parse(text);
            }
            else if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                JsonDocument.Parse(text).Dispose();
            }
        }
    }

    private static bool IsScriptUrl(string value)
    {
        var squeezed = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        return squeezed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || squeezed.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
            || squeezed.StartsWith("data:text", StringComparison.OrdinalIgnoreCase);
    }

    private static HashSet<string> ScriptSignatures(string site)
    {
        var parser = new HtmlParser();
        return TestGarden.Files(site).Where(f => f.EndsWith(".html", StringComparison.Ordinal))
            .SelectMany(f => parser.ParseDocument(File.ReadAllText(Path.Combine(site, f))).QuerySelectorAll("script"))
            .Select(Signature).ToHashSet(StringComparer.Ordinal);
    }

    private static string Signature(AngleSharp.Dom.IElement script) =>
        (script.GetAttribute("src") is { } src ? "src:" + src[(src.IndexOf("assets/", StringComparison.Ordinal) is var i and >= 0 ? i : 0)..] : "inline:" + script.TextContent.Trim());
}
