using System.Collections.Frozen;
using System.Collections.Immutable;

namespace MlPrep.Core.Content;

/// <summary>Groups of search terms that mean the same thing ("ridge", "l2 regularization", "weight decay").</summary>
/// <remarks>Kept as data in <c>content/thesaurus.yaml</c> so writers can extend it without code changes;
/// the search service expands a query term to its whole group.</remarks>
public sealed class Thesaurus
{
    private readonly FrozenDictionary<string, int> _groupOf;

    /// <summary>Creates a thesaurus from groups of lower-case terms.</summary>
    public Thesaurus(IEnumerable<ImmutableArray<string>> groups)
    {
        Groups = [.. groups];
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Groups.Length; i++)
        {
            foreach (var term in Groups[i])
            {
                index.TryAdd(term, i);
            }
        }

        _groupOf = index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A thesaurus without groups.</summary>
    public static Thesaurus Empty { get; } = new([]);

    public ImmutableArray<ImmutableArray<string>> Groups { get; }

    /// <summary>The other terms of the group a term belongs to (not the term itself); empty when it has none.</summary>
    public IEnumerable<string> SynonymsOf(string term)
    {
        var key = term.Trim();
        return _groupOf.TryGetValue(key, out var group)
            ? Groups[group].Where(t => !t.Equals(key, StringComparison.OrdinalIgnoreCase))
            : [];
    }
}
