using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MlPrep.Core.Content;

/// <summary>Parses <c>thesaurus.yaml</c>: <c>groups:</c>, a list of lists of lower-case terms.</summary>
internal static class ThesaurusFile
{
    public static Thesaurus Parse(string text, DiagnosticSink sink)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            sink.Error((int)ex.Start.Line, (int)ex.Start.Column, $"invalid YAML: {(ex.InnerException?.Message ?? ex.Message).Trim()}");
            return Thesaurus.Empty;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("groups"), out var groupsNode))
        {
            sink.Error(1, 1, "the thesaurus must have a 'groups:' list");
            return Thesaurus.Empty;
        }

        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value != "groups"))
        {
            sink.Error((int)key.Start.Line, (int)key.Start.Column, $"unknown field '{key.Value}'; the thesaurus has only 'groups'");
        }

        if (groupsNode is not YamlSequenceNode groups)
        {
            sink.Error((int)groupsNode.Start.Line, (int)groupsNode.Start.Column, "'groups' must be a list of term lists, e.g. - [ridge, l2 regularization]");
            return Thesaurus.Empty;
        }

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var result = new List<ImmutableArray<string>>();
        foreach (var group in groups.Children)
        {
            var (line, column) = ((int)group.Start.Line, (int)group.Start.Column);
            if (group is not YamlSequenceNode terms || terms.Children.Count < 2)
            {
                sink.Error(line, column, "each group must be a list of at least two terms");
                continue;
            }

            var valid = new List<string>();
            foreach (var termNode in terms.Children)
            {
                var term = (termNode as YamlScalarNode)?.Value?.Trim() ?? "";
                var (termLine, termColumn) = ((int)termNode.Start.Line, (int)termNode.Start.Column);
                if (term.Length == 0)
                {
                    sink.Error(termLine, termColumn, "empty term");
                }
                else if (term != term.ToLowerInvariant())
                {
                    sink.Error(termLine, termColumn, $"term '{term}' must be lower case");
                }
                else if (!seen.TryAdd(term, termNode.Start.Line))
                {
                    sink.Error(termLine, termColumn, $"term '{term}' is already in the group on line {seen[term]}; a term belongs to one group");
                }
                else
                {
                    valid.Add(term);
                }
            }

            if (valid.Count >= 2)
            {
                result.Add([.. valid]);
            }
        }

        return new Thesaurus(result);
    }
}
