using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace MlPrep.Core.Content;

/// <summary>Parses one guide: front matter (<c>title</c>, <c>summary</c>, optional <c>order</c>) and a Markdown body.</summary>
internal static class GuideFile
{
    private static readonly string[] KnownFields = ["title", "summary", "order"];

    public static Guide? Parse(string relativePath, string text, DiagnosticSink sink)
    {
        var document = ContentMarkdown.Parse(text);
        var front = FrontMatter.Read(document, text, sink);
        if (front is null)
        {
            return null;
        }

        var title = front.String("title", required: true);
        var summary = front.String("summary", required: true);
        var order = front.Integer("order", required: false, 0, 1000);
        front.ReportMissingAndUnknownFields(KnownFields);

        var frontBlock = document.Descendants<YamlFrontMatterBlock>().First();
        var body = text[Math.Min(text.Length, frontBlock.Span.End + 1)..].Trim();
        if (body.Length == 0)
        {
            sink.Error(front.Line, 1, "guide has no text after its front matter");
        }

        foreach (var (url, line, column) in ContentMarkdown.UnsafeLinks(document))
        {
            sink.Error(line + 1, column + 1, $"link '{url}' uses a scheme that is not allowed; use http, https, mailto or a relative path");
        }

        if (sink.HasErrors || title is null || summary is null)
        {
            return null;
        }

        var slug = Path.GetFileNameWithoutExtension(relativePath);
        return new Guide(slug, title.Value.Value, summary.Value.Value, order?.Value ?? 1000, body, ContentMarkdown.ToHtml(body), relativePath);
    }
}
