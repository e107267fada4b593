using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace MlPrep.Core.Content;

/// <summary>Reads <c>key_points</c>: 3 to 7 entries, each a <c>point</c> and its <c>terms</c>.</summary>
internal static class KeyPoints
{
    public const int Min = 3;
    public const int Max = 7;

    public static ImmutableArray<KeyPoint>? Read(FrontMatter front, DiagnosticSink sink)
    {
        if (front.Node("key_points", required: true) is not { } node)
        {
            return null;
        }

        var (line, column) = front.Position(node);
        if (node is not YamlSequenceNode sequence)
        {
            sink.Error(line, column, "field 'key_points' must be a list of entries with 'point' and 'terms'");
            return null;
        }

        var result = new List<KeyPoint>();
        var ok = true;
        foreach (var item in sequence.Children)
        {
            var point = ReadOne(front, item, sink);
            ok &= point is not null;
            if (point is not null)
            {
                result.Add(point);
            }
        }

        if (sequence.Children.Count is < Min or > Max)
        {
            sink.Error(line, column, $"a question needs {Min} to {Max} key points, this one has {sequence.Children.Count}");
            return null;
        }

        return ok ? [.. result] : null;
    }

    private static KeyPoint? ReadOne(FrontMatter front, YamlNode item, DiagnosticSink sink)
    {
        var (line, column) = front.Position(item);
        if (item is not YamlMappingNode map)
        {
            sink.Error(line, column, "each key point must have 'point: <statement>' and 'terms: [words that show it was covered]'");
            return null;
        }

        string? point = null;
        List<Located<string>>? terms = null;
        var ok = true;
        foreach (var (key, value) in map.Children)
        {
            var (keyLine, keyColumn) = front.Position(key);
            switch ((key as YamlScalarNode)?.Value)
            {
                case "point":
                    point = (value as YamlScalarNode)?.Value?.Trim();
                    if (string.IsNullOrEmpty(point))
                    {
                        sink.Error(keyLine, keyColumn, "key point 'point' must be a non-empty statement");
                        ok = false;
                    }

                    break;
                case "terms":
                    terms = front.Items("terms", value);
                    if (terms is { Count: 0 })
                    {
                        sink.Error(keyLine, keyColumn, "key point 'terms' needs at least one word or phrase");
                        ok = false;
                    }

                    ok &= terms is not null;
                    break;
                default:
                    sink.Error(keyLine, keyColumn, $"unknown field '{(key as YamlScalarNode)?.Value}' in a key point; a key point has 'point' and 'terms'");
                    ok = false;
                    break;
            }
        }

        if (point is null && ok)
        {
            sink.Error(line, column, "key point is missing 'point'");
            ok = false;
        }

        if (terms is null && ok)
        {
            sink.Error(line, column, "key point is missing 'terms': list the words or phrases that show it was covered");
            ok = false;
        }

        return ok ? new KeyPoint(point!, [.. terms!.Select(t => t.Value)]) : null;
    }
}
