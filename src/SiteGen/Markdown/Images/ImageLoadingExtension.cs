using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Markdown.Images;

/// <summary>
/// Markdown images (<c>![alt](src)</c>) load lazily and decode off the main thread, like image embeds. The
/// attributes are set once, after the parse, so that rendering (which may run on several threads for a note that
/// others transclude) never writes to the tree.
/// </summary>
internal sealed class ImageLoadingExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= OnDocumentProcessed;
        pipeline.DocumentProcessed += OnDocumentProcessed;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void OnDocumentProcessed(MarkdownDocument document)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            var attributes = image.GetAttributes();
            attributes.AddPropertyIfNotExist("loading", "lazy");
            attributes.AddPropertyIfNotExist("decoding", "async");
        }
    }

    /// <summary>Gives a markdown image the size of its attachment.</summary>
    public static void SetSize(LinkInline image, ImageSize? imageSize)
    {
        if (!image.IsImage || imageSize is not { } size) return;
        var attributes = image.GetAttributes();
        attributes.AddPropertyIfNotExist("width", size.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        attributes.AddPropertyIfNotExist("height", size.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
