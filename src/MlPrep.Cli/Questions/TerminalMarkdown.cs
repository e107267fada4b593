using System.Text;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MlPrep.Core.Content;
using Spectre.Console;
using Spectre.Console.Rendering;
using MarkdownTable = Markdig.Extensions.Tables.Table;
using TableRow = Markdig.Extensions.Tables.TableRow;
using SpectreTable = Spectre.Console.Table;

namespace MlPrep.Cli.Questions;

/// <summary>Renders a section's Markdown for a terminal: paragraphs, lists, code in panels, tables, math as TeX.</summary>
/// <remarks>Walks the same Markdig syntax tree the web renders, so the terminal never shows raw Markdown
/// markers and never interprets content as Spectre markup (every piece of text is escaped).</remarks>
internal static class TerminalMarkdown
{
    public static IRenderable Render(string markdown)
    {
        var document = ContentMarkdown.Parse(markdown);
        return new Rows(document.Select(b => Block(b, 0)).Where(r => r is not null).Select(r => r!));
    }

    private static IRenderable? Block(Block block, int indent) => block switch
    {
        HeadingBlock heading => Pad(new Markup($"[bold underline]{Inlines(heading.Inline)}[/]"), indent),
        ParagraphBlock paragraph => Pad(new Markup(Inlines(paragraph.Inline) + "\n"), indent),
        ListBlock list => List(list, indent),
        MathBlock math => Pad(new Markup($"[italic]{Markup.Escape(Lines(math))}[/]\n"), indent + 4),
        CodeBlock code => Pad(new Panel(new Text(Lines(code))) { Header = Language(code), Border = BoxBorder.Rounded }, indent),
        QuoteBlock quote => Pad(new Panel(new Rows(quote.Select(b => Block(b, 0)).OfType<IRenderable>())) { Border = BoxBorder.None }, indent + 2),
        MarkdownTable table => Pad(Table(table), indent),
        ThematicBreakBlock => new Rule(),
        _ => null,
    };

    private static PanelHeader? Language(CodeBlock code) =>
        code is FencedCodeBlock { Info: { Length: > 0 } info } ? new PanelHeader(Markup.Escape(info)) : null;

    private static IRenderable List(ListBlock list, int indent)
    {
        var rows = new List<IRenderable>();
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var bullet = list.IsOrdered ? $"{number++}." : "•";
            var children = item.ToList();
            var first = children.FirstOrDefault() as ParagraphBlock;
            var text = first is null ? "" : Inlines(first.Inline);
            rows.Add(Pad(new Markup($"[green]{bullet}[/] {text}"), indent));
            foreach (var child in children.Skip(first is null ? 0 : 1))
            {
                if (Block(child, indent + 3) is { } rendered)
                {
                    rows.Add(rendered);
                }
            }
        }

        rows.Add(new Text(""));
        return new Rows(rows);
    }

    private static SpectreTable Table(MarkdownTable source)
    {
        var table = new SpectreTable().Border(TableBorder.Rounded);
        var rows = source.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader) ?? rows.FirstOrDefault();
        if (header is null)
        {
            return table;
        }

        foreach (var cell in header.OfType<TableCell>())
        {
            table.AddColumn(new TableColumn(new Markup($"[bold]{CellText(cell)}[/]")));
        }

        foreach (var row in rows.Where(r => r != header))
        {
            var cells = row.OfType<TableCell>().Select(c => (IRenderable)new Markup(CellText(c))).ToList();
            while (cells.Count < table.Columns.Count)
            {
                cells.Add(new Text(""));
            }

            table.AddRow(cells.Take(table.Columns.Count));
        }

        return table;
    }

    private static string CellText(TableCell cell) =>
        string.Join(" ", cell.OfType<ParagraphBlock>().Select(p => Inlines(p.Inline)));

    /// <summary>Spectre markup for inline content; every literal is escaped.</summary>
    private static string Inlines(ContainerInline? container)
    {
        var builder = new StringBuilder();
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            builder.Append(inline switch
            {
                LiteralInline literal => Markup.Escape(literal.Content.ToString()),
                EmphasisInline { DelimiterChar: '~' } strike => $"[strikethrough]{Inlines(strike)}[/]",
                EmphasisInline emphasis => emphasis.DelimiterCount >= 2 ? $"[bold]{Inlines(emphasis)}[/]" : $"[italic]{Inlines(emphasis)}[/]",
                CodeInline code => $"[cyan]{Markup.Escape(code.Content)}[/]",
                MathInline math => $"[italic]{Markup.Escape(math.Content.ToString())}[/]",
                LinkInline link => $"{Inlines(link)} [grey]({Markup.Escape(link.Url ?? "")})[/]",
                AutolinkInline auto => Markup.Escape(auto.Url),
                LineBreakInline => "\n",
                HtmlEntityInline entity => Markup.Escape(entity.Transcoded.ToString()),
                ContainerInline nested => Inlines(nested),
                _ => Markup.Escape(inline.ToString() ?? ""),
            });
        }

        return builder.ToString();
    }

    private static string Lines(LeafBlock block) => block.Lines.ToString().TrimEnd();

    private static IRenderable Pad(IRenderable renderable, int indent) =>
        indent == 0 ? renderable : new Padder(renderable, new Padding(indent, 0, 0, 0));
}
