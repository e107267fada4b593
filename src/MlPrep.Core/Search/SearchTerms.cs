using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using MlPrep.Core.Content;

namespace MlPrep.Core.Search;

/// <summary>One term of a search: the user's words and the thesaurus alternatives that may stand in for them.</summary>
/// <param name="Phrases">Alternatives, each a space-separated token sequence; the first is what the user typed.</param>
/// <param name="Prefixes">When the user is still typing this (last) word: prefixes it may complete to, as further alternatives.</param>
public sealed record TermGroup(ImmutableArray<string> Phrases, ImmutableArray<string> Prefixes)
{
    public bool Prefix => !Prefixes.IsEmpty;
}

/// <summary>User search text turned into safe, thesaurus-expanded terms for either full-text engine.</summary>
/// <remarks>Only letters and digits ever reach the engines, each word quoted as a phrase, so no text a
/// user types can be read as FTS5 or tsquery syntax: <c>"unbalanced</c>, <c>NEAR(</c>, <c>C++</c> or a NUL
/// byte are just words or separators. Words joined by hyphens stay one phrase ("k-means" matches
/// "k means"); a multi-word thesaurus entry ("gradient boosting") is matched before single words.</remarks>
public sealed partial class SearchTerms
{
    /// <summary>Longest thesaurus entry, in tokens, that the matcher tries.</summary>
    private const int MaxEntryTokens = 5;

    /// <summary>At most this many terms are searched; longer text is cut, keeping cost bounded.</summary>
    public const int MaxGroups = 12;

    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
        [
            "a", "an", "and", "are", "as", "at", "be", "between", "by", "can", "could", "do", "does", "for", "from", "how",
            "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "should", "the", "their", "this", "to",
            "vs", "versus", "was", "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
        ],
        StringComparer.Ordinal);

    private SearchTerms(string text, ImmutableArray<TermGroup> groups)
    {
        Text = text;
        Groups = groups;
    }

    /// <summary>The text as the user typed it.</summary>
    public string Text { get; }

    /// <summary>The terms, all of which a tier-0 result matches.</summary>
    public ImmutableArray<TermGroup> Groups { get; }

    /// <summary>True when the text held no letter or digit to search for.</summary>
    public bool IsEmpty => Groups.IsEmpty;

    /// <summary>Splits user text into terms and expands them with the thesaurus.</summary>
    public static SearchTerms Parse(string? text, Thesaurus thesaurus)
    {
        text ??= "";
        var words = Words(text);
        var typingLastWord = text.Length > 0 && !char.IsWhiteSpace(text[^1]) && char.IsLetterOrDigit(text.TrimEnd()[^1]);
        var groups = new List<(ImmutableArray<string> Phrases, bool Stop)>();
        for (var i = 0; i < words.Count;)
        {
            var (length, synonyms) = LongestEntry(words, i, thesaurus);
            var typed = string.Join(' ', words.Skip(i).Take(Math.Max(length, 1)));
            if (length > 0)
            {
                groups.Add(([typed, .. synonyms.Where(s => s != typed)], false));
                i += length;
            }
            else
            {
                groups.Add(([typed], StopWords.Contains(typed)));
                i++;
            }
        }

        // Function words only narrow results; drop them unless they are all there is.
        var kept = groups.Any(g => !g.Stop) ? groups.Where(g => !g.Stop).ToList() : groups;
        var result = kept.Take(MaxGroups).Select(g => new TermGroup(g.Phrases, [])).ToList();
        if (result.Count > 0 && typingLastWord && kept.Count <= MaxGroups && groups[^1].Phrases == kept[^1].Phrases)
        {
            result[^1] = result[^1] with { Prefixes = PrefixesOf(result[^1].Phrases[0]) };
        }

        return new SearchTerms(text, [.. result]);
    }

    /// <summary>An FTS5 MATCH expression: every phrase quoted, groups joined by AND or OR.</summary>
    public string ToFts5(bool requireAll)
    {
        var groups = Groups.Select(g =>
        {
            var alternatives = g.Phrases.Where(p => !g.Prefix || p != g.Phrases[0]).Select(phrase => $"\"{phrase}\"")
                .Concat(g.Prefixes.Select(prefix => $"\"{prefix}\"*")).ToList();
            return alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" OR ", alternatives) + ")";
        });
        return string.Join(requireAll ? " AND " : " OR ", groups);
    }

    /// <summary>A PostgreSQL tsquery expression with numbered parameters <c>{n}</c> and their values.</summary>
    /// <remarks>Whole phrases go through <c>websearch_to_tsquery</c>, which accepts any text; the word
    /// being typed uses <c>to_tsquery</c> with <c>:*</c>, safe because tokens hold only letters and digits.</remarks>
    public (string Sql, object[] Arguments) ToTsQuery(bool requireAll, int firstParameter)
    {
        var arguments = new List<object>();
        var groups = Groups.Select(g =>
        {
            var alternatives = g.Phrases.Where(p => !g.Prefix || p != g.Phrases[0]).Select(phrase =>
            {
                arguments.Add($"\"{phrase}\"");
                return $"websearch_to_tsquery('english', {{{firstParameter + arguments.Count - 1}}})";
            }).Concat(g.Prefixes.Select(prefix =>
            {
                arguments.Add(string.Join(" <-> ", prefix.Split(' ')) + ":*");
                return $"to_tsquery('english', {{{firstParameter + arguments.Count - 1}}})";
            })).ToList();
            return "(" + string.Join(" || ", alternatives) + ")";
        }).ToList();
        return (string.Join(requireAll ? " && " : " || ", groups), [.. arguments]);
    }

    /// <summary>Removes thousands separators ("1,000" becomes "1000") so a number matches however it was written; applied to indexed text and queries alike.</summary>
    public static string NormalizeNumbers(string text) => ThousandsSeparator().Replace(text, "");

    /// <summary>Words of the text: lower-case runs of letters and digits; a hyphenated word becomes one space-separated phrase.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var chunk in NormalizeNumbers(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = Tokens(chunk);
            if (tokens.Count > 0)
            {
                words.Add(string.Join(' ', tokens));
            }
        }

        return words;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static (int Length, ImmutableArray<string> Phrases) LongestEntry(List<string> words, int start, Thesaurus thesaurus)
    {
        var index = Indexes.GetValue(thesaurus, BuildIndex);
        for (var length = Math.Min(MaxEntryTokens, words.Count - start); length >= 1; length--)
        {
            var candidate = string.Join(' ', words.Skip(start).Take(length));
            if (index.TryGetValue(candidate, out var group) || index.TryGetValue(Singular(candidate), out group))
            {
                return (length, group);
            }
        }

        return (0, []);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Thesaurus, FrozenDictionary<string, ImmutableArray<string>>> Indexes = [];

    /// <summary>Thesaurus entries in the same normalized form as query words, each pointing at its whole group.</summary>
    private static FrozenDictionary<string, ImmutableArray<string>> BuildIndex(Thesaurus thesaurus)
    {
        var index = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var group in thesaurus.Groups)
        {
            ImmutableArray<string> phrases = [.. group.Select(t => string.Join(' ', Words(t))).Where(p => p.Length > 0).Distinct()];
            foreach (var phrase in phrases)
            {
                index.TryAdd(phrase, phrases);
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Prefixes for a word being typed: the word itself and, for a long word, a shorter stem.</summary>
    /// <remarks>The index holds stemmed words ("regularization" is stored as "regular"), so a partial word
    /// that runs past the stem ("regulariz") would match nothing; cutting four letters off long words
    /// reaches back under the stem ("regul") for every suffix the stemmer strips.</remarks>
    private static ImmutableArray<string> PrefixesOf(string phrase)
    {
        var cut = phrase.LastIndexOf(' ') + 1;
        var word = phrase[cut..];
        return word.Length >= 7 ? [phrase, phrase[..cut] + word[..Math.Max(4, word.Length - 4)]] : [phrase];
    }

    private static string Singular(string phrase) =>
        phrase.Length > 3 && phrase.EndsWith('s') && !phrase.EndsWith("ss", StringComparison.Ordinal) ? phrase[..^1] : phrase;

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\d),(?=\d{3}(?!\d))")]
    private static partial System.Text.RegularExpressions.Regex ThousandsSeparator();
}
