using System.Globalization;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MlPrep.Core.Content;

/// <summary>A value read from front matter together with the file position it came from.</summary>
internal readonly record struct Located<T>(T Value, int Line, int Column);

/// <summary>Reads typed fields from a file's YAML front matter, reporting each problem at its line and column.</summary>
/// <remarks>The YAML representation model (not the deserializer) is used on purpose: it keeps every
/// node's position, so an error can point at the exact value, and unknown keys can be reported instead
/// of silently ignored.</remarks>
internal sealed class FrontMatter
{
    private readonly YamlMappingNode _map;
    private readonly int _lineOffset;
    private readonly DiagnosticSink _sink;
    private readonly List<string> _missing = [];

    private FrontMatter(YamlMappingNode map, int lineOffset, int line, DiagnosticSink sink)
    {
        _map = map;
        _lineOffset = lineOffset;
        _sink = sink;
        Line = line;
    }

    /// <summary>1-based line of the opening <c>---</c>.</summary>
    public int Line { get; }

    /// <summary>Finds and parses the front matter of a parsed Markdown file; reports and returns null when absent or broken.</summary>
    public static FrontMatter? Read(MarkdownDocument document, string text, DiagnosticSink sink)
    {
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null)
        {
            var lines = text.Split('\n', 3);
            var message = lines[0].TrimEnd() != "---"
                ? "missing front matter: the file must start with a line '---', the YAML fields, and another '---'"
                : lines.Length > 1 && lines[1].TrimEnd() is "---" or "..."
                    ? "front matter is empty: add the fields between the two '---' lines (see docs/content-format.md)"
                    : "front matter is not closed: add a line '---' after the last field";
            sink.Error(1, 1, message);
            return null;
        }

        // The block spans the opening '---' to the closing one; its Lines are the YAML between them.
        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()));
        var openingLine = block.Line + 1;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).Trim();
            sink.Error(openingLine + (int)ex.Start.Line, (int)ex.Start.Column, $"invalid YAML in front matter: {reason}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            sink.Error(openingLine, 1, "front matter must be a set of 'field: value' lines");
            return null;
        }

        return new FrontMatter(map, openingLine, openingLine, sink);
    }

    /// <summary>Reports the missing required fields (in one line) and every key that is not a known field.</summary>
    public void ReportMissingAndUnknownFields(IReadOnlyCollection<string> known)
    {
        if (_missing.Count == 1)
        {
            _sink.Error(Line, 1, $"missing required field '{_missing[0]}'");
        }
        else if (_missing.Count > 1)
        {
            _sink.Error(Line, 1, $"missing required fields: {string.Join(", ", _missing)}");
        }

        foreach (var (key, _) in _map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
            {
                var (line, column) = Position(key);
                var hint = Closest(name, known);
                _sink.Error(line, column, $"unknown field '{name}'" + (hint is null ? $"; known fields: {string.Join(", ", known)}" : $"; did you mean '{hint}'?"));
            }
        }
    }

    public Located<string>? String(string name, bool required)
    {
        if (Node(name, required) is not { } node)
        {
            return null;
        }

        var (line, column) = Position(node);
        if (node is not YamlScalarNode scalar)
        {
            _sink.Error(line, column, $"field '{name}' must be a single value, not a list or map");
            return null;
        }

        var value = scalar.Value?.Trim() ?? "";
        if (value.Length == 0)
        {
            _sink.Error(line, column, $"field '{name}' is empty");
            return null;
        }

        return new Located<string>(value, line, column);
    }

    public Located<TEnum>? Enum<TEnum>(string name, bool required) where TEnum : struct, Enum
    {
        if (String(name, required) is not { } text)
        {
            return null;
        }

        if (!Slug.TryParse<TEnum>(text.Value, out var value))
        {
            _sink.Error(text.Line, text.Column, $"unknown {name} '{text.Value}'; valid values: {Slug.List<TEnum>()}");
            return null;
        }

        return new Located<TEnum>(value, text.Line, text.Column);
    }

    public Located<int>? Integer(string name, bool required, int min, int max)
    {
        if (String(name, required) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _sink.Error(text.Line, text.Column, $"field '{name}' must be a whole number, not '{text.Value}'");
            return null;
        }

        if (value < min || value > max)
        {
            _sink.Error(text.Line, text.Column, $"field '{name}' must be between {min} and {max}, not {value}");
            return null;
        }

        return new Located<int>(value, text.Line, text.Column);
    }

    public Located<DateOnly>? Date(string name, bool required)
    {
        if (String(name, required) is not { } text)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            _sink.Error(text.Line, text.Column, $"field '{name}' must be a date written YYYY-MM-DD, not '{text.Value}'");
            return null;
        }

        return new Located<DateOnly>(value, text.Line, text.Column);
    }

    /// <summary>A list of non-empty scalars; null when missing or malformed (reported).</summary>
    public List<Located<string>>? StringList(string name, bool required, int minCount = 0)
    {
        if (Node(name, required) is not { } node)
        {
            return null;
        }

        var (line, column) = Position(node);
        var items = Items(name, node);
        if (items is null)
        {
            return null;
        }

        if (items.Count < minCount)
        {
            _sink.Error(line, column, $"field '{name}' needs at least {minCount} entr{(minCount == 1 ? "y" : "ies")}");
            return null;
        }

        return items;
    }

    /// <summary>The raw node of a field, for readers with their own shape (key points, time box).</summary>
    public YamlNode? Node(string name, bool required)
    {
        if (_map.Children.TryGetValue(new YamlScalarNode(name), out var node) && !IsNull(node))
        {
            return node;
        }

        if (required && !_missing.Contains(name))
        {
            _missing.Add(name);
        }

        return null;
    }

    public (int Line, int Column) Position(YamlNode node) => (_lineOffset + (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Reads a list whose items are scalars, reporting anything else.</summary>
    public List<Located<string>>? Items(string name, YamlNode node)
    {
        var (line, column) = Position(node);
        if (node is YamlScalarNode)
        {
            _sink.Error(line, column, $"field '{name}' must be a list, e.g. [a, b] or one '- item' per line");
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            _sink.Error(line, column, $"field '{name}' must be a list, not a map");
            return null;
        }

        var result = new List<Located<string>>();
        var ok = true;
        foreach (var item in sequence.Children)
        {
            var (itemLine, itemColumn) = Position(item);
            var value = (item as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                _sink.Error(itemLine, itemColumn, $"every entry of '{name}' must be a non-empty single value");
                ok = false;
                continue;
            }

            result.Add(new Located<string>(value, itemLine, itemColumn));
        }

        return ok ? result : null;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private static string? Closest(string name, IEnumerable<string> known) =>
        known.Select(k => (k, d: Distance(name, k))).Where(p => p.d <= 2).OrderBy(p => p.d).Select(p => p.k).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
