using System.Collections.Immutable;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace MlPrep.Core.Content;

/// <summary>Splits a question's body at its level-2 headings and checks the sections against its format.</summary>
internal static class Sections
{
    private sealed record RawSection(string Name, HeadingBlock Heading, string Markdown, int FirstLine, IReadOnlyList<Block> Blocks);

    public static ImmutableArray<Section>? Read(MarkdownDocument document, string text, QuestionFormat format, bool isDraft, DiagnosticSink sink)
    {
        var raw = Split(document, text, sink);
        var expected = SectionLayout.For(format);
        var found = new Dictionary<string, RawSection>(StringComparer.Ordinal);
        var previousIndex = -1;
        var ok = true;
        foreach (var section in raw)
        {
            var line = section.Heading.Line + 1;
            var index = IndexOf(expected, section.Name);
            if (index < 0)
            {
                var near = expected.FirstOrDefault(e => e.Equals(section.Name, StringComparison.OrdinalIgnoreCase));
                var hint = near is null ? $"sections of the {Slug.Of(format)} format: {string.Join(", ", expected)}" : $"write it '## {near}'";
                sink.Error(line, 1, $"unknown section '{section.Name}'; {hint}");
                ok = false;
            }
            else if (!found.TryAdd(section.Name, section))
            {
                sink.Error(line, 1, $"section '{section.Name}' appears twice");
                ok = false;
            }
            else
            {
                if (index < previousIndex)
                {
                    sink.Error(line, 1, $"section '{section.Name}' is out of order; the order is: {string.Join(", ", expected)}");
                    ok = false;
                }

                previousIndex = Math.Max(previousIndex, index);
                ok &= CheckBody(section, format, isDraft, sink);
            }
        }

        var lastLine = text.Split('\n').Length;
        foreach (var name in expected.Where(n => !found.ContainsKey(n)))
        {
            sink.Error(lastLine, 1, $"missing section '## {name}' (the {Slug.Of(format)} format needs: {string.Join(", ", expected)})");
            ok = false;
        }

        return ok
            ? [.. expected.Select(n => new Section(n, found[n].Markdown, ContentMarkdown.ToHtml(found[n].Markdown)))]
            : null;
    }

    private static List<RawSection> Split(MarkdownDocument document, string text, DiagnosticSink sink)
    {
        var result = new List<RawSection>();
        var blocks = document.Where(b => b is not YamlFrontMatterBlock).ToList();
        var reportedStray = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block is HeadingBlock { Level: 1 } title)
            {
                sink.Error(title.Line + 1, 1, "level-1 heading: the title comes from front matter; sections use '## ', sub-headings '### '");
                continue;
            }

            if (block is not HeadingBlock { Level: 2 } heading)
            {
                if (result.Count == 0 && !reportedStray)
                {
                    sink.Error(block.Line + 1, 1, "text before the first section; every part of the answer belongs under a '## ' section heading");
                    reportedStray = true;
                }

                continue;
            }

            var body = new List<Block>();
            var j = i + 1;
            for (; j < blocks.Count && blocks[j] is not HeadingBlock { Level: <= 2 }; j++)
            {
                body.Add(blocks[j]);
            }

            var start = heading.Span.End + 1;
            var end = j < blocks.Count ? blocks[j].Span.Start : text.Length;
            var raw = start < end ? text[start..end] : "";
            var markdown = raw.Trim();
            var leading = raw.Length - raw.TrimStart().Length;
            var firstLine = 1 + text.AsSpan(0, Math.Min(text.Length, start + leading)).Count('\n');
            result.Add(new RawSection(ContentMarkdown.PlainText(heading.Inline), heading, markdown, firstLine, body));
            i = j - 1;
        }

        return result;
    }

    private static bool CheckBody(RawSection section, QuestionFormat format, bool isDraft, DiagnosticSink sink)
    {
        var line = section.Heading.Line + 1;
        if (section.Markdown.Length == 0)
        {
            sink.Error(line, 1, $"section '{section.Name}' is empty");
            return false;
        }

        if (!isDraft)
        {
            var todo = section.Markdown.IndexOf("TODO", StringComparison.Ordinal);
            if (todo >= 0)
            {
                var todoLine = section.FirstLine + section.Markdown.AsSpan(0, todo).Count('\n');
                sink.Error(todoLine, 1, $"section '{section.Name}' still has a TODO placeholder; finish it or mark the question 'status: draft'");
                return false;
            }
        }

        if (format == QuestionFormat.Coding && section.Name == "Solution"
            && !section.Blocks.SelectMany(CodeBlocks).Any(c => !string.IsNullOrWhiteSpace(c.Info)))
        {
            sink.Error(line, 1, "section 'Solution' needs a fenced code block that names its language, e.g. ```python");
            return false;
        }

        return true;
    }

    private static IEnumerable<FencedCodeBlock> CodeBlocks(Block block) => block switch
    {
        FencedCodeBlock code => [code],
        ContainerBlock container => container.Descendants<FencedCodeBlock>(),
        _ => [],
    };

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
