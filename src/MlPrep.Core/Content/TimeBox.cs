using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MlPrep.Core.Content;

/// <summary>Reads the optional <c>time_box</c> of a design question: minutes per stage.</summary>
internal static class TimeBox
{
    public static ImmutableDictionary<string, int> Read(FrontMatter front, QuestionFormat? format, DiagnosticSink sink)
    {
        if (front.Node("time_box", required: false) is not { } node)
        {
            return ImmutableDictionary<string, int>.Empty;
        }

        var (line, column) = front.Position(node);
        if (format is { } f && f != QuestionFormat.Design)
        {
            sink.Error(line, column, $"'time_box' is only for questions in the design format, not {Slug.Of(f)}");
            return ImmutableDictionary<string, int>.Empty;
        }

        if (node is not YamlMappingNode map)
        {
            sink.Error(line, column, "'time_box' must map stages to minutes, e.g. {clarify: 5, data: 5}");
            return ImmutableDictionary<string, int>.Empty;
        }

        var stages = SectionLayout.For(QuestionFormat.Design).Select(SectionLayout.StageKey).ToArray();
        var result = ImmutableDictionary.CreateBuilder<string, int>();
        foreach (var (key, value) in map.Children)
        {
            var stage = (key as YamlScalarNode)?.Value ?? "";
            var (keyLine, keyColumn) = front.Position(key);
            if (!stages.Contains(stage))
            {
                sink.Error(keyLine, keyColumn, $"unknown stage '{stage}' in 'time_box'; stages: {string.Join(", ", stages)}");
                continue;
            }

            var (valueLine, valueColumn) = front.Position(value);
            if (!int.TryParse((value as YamlScalarNode)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 1 or > 60)
            {
                sink.Error(valueLine, valueColumn, $"minutes for stage '{stage}' must be a whole number from 1 to 60");
                continue;
            }

            result[stage] = minutes;
        }

        return result.ToImmutable();
    }
}
