using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MlPrep.Core.Content;

/// <summary>The one Markdown pipeline for all content, and the safety rules that go with it.</summary>
/// <remarks>Raw HTML is disabled so content can never inject markup or script; extensions are listed
/// one by one rather than taken as "advanced extensions" because that set includes generic attributes,
/// which would let a file attach arbitrary HTML attributes (event handlers) to elements.</remarks>
public static class ContentMarkdown
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>The shared pipeline: CommonMark, front matter, pipe tables, emphasis extras, math, auto links; no raw HTML.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseMathematics()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <summary>Parses a whole file's text.</summary>
    public static MarkdownDocument Parse(string text) => Markdown.Parse(text, Pipeline);

    /// <summary>Renders Markdown to safe HTML.</summary>
    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>The scheme of a URL (<c>javascript</c> for <c>javascript:alert(1)</c>), or null for a relative URL.</summary>
    internal static string? SchemeOf(string url)
    {
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var scheme = trimmed[..colon];
        var looksLikeScheme = char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
        return looksLikeScheme ? scheme.ToLowerInvariant() : null;
    }

    /// <summary>Links in a parsed document whose scheme is not allowed, with their 0-based line and column.</summary>
    internal static IEnumerable<(string Url, int Line, int Column)> UnsafeLinks(MarkdownObject document)
    {
        foreach (var inline in document.Descendants<Inline>())
        {
            var url = inline switch
            {
                LinkInline link => link.Url,
                AutolinkInline auto when !auto.IsEmail => auto.Url,
                _ => null,
            };
            var scheme = url is null ? null : SchemeOf(url);
            if (scheme is not null && !SafeSchemes.Contains(scheme))
            {
                yield return (url!, inline.Line, inline.Column);
            }
        }
    }

    /// <summary>The plain text of a heading's inline content.</summary>
    internal static string PlainText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var builder = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants<Inline>())
        {
            switch (child)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content);
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
            }
        }

        return builder.ToString().Trim();
    }
}
