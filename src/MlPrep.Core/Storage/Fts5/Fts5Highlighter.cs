using System.Text;
using MlPrep.Core.Search;

namespace MlPrep.Core.Storage.Fts5;

/// <summary>Highlighted titles and snippets for SQLite search results, built in memory from the question's
/// text with the index's own tokenizer, so a word is marked exactly when FTS5 would match it.</summary>
/// <remarks>FTS5's <c>snippet()</c> re-tokenizes the whole body of every result (about 0.2 ms for a 6 KB
/// answer), which made snippets the largest cost of a search page. Here each distinct word is tokenized
/// once (see <see cref="Fts5Tokenizer"/>) and only words that share their first three letters with a query
/// token are looked up at all. The snippet is the window of <see cref="WindowWords"/> words that holds
/// the most distinct query words, then the most matches, cut with "…" where it does not reach the text's
/// ends, as FTS5's snippet does.</remarks>
public sealed class Fts5Highlighter
{
    public const int WindowWords = 24;

    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];
    private readonly HashSet<long> _starts = [];
    private readonly bool[] _firstLetters = new bool[128];
    private readonly List<string> _shortPrefixes = [];

    public Fts5Highlighter(SearchTerms terms)
    {
        foreach (var group in terms.Groups)
        {
            foreach (var phrase in group.Phrases.Where(p => !group.Prefix || p != group.Phrases[0]))
            {
                foreach (var token in Fts5Tokenizer.TokensOf(phrase))
                {
                    _tokens.Add(token);
                    _starts.Add(Start(token));
                    Register(token);
                }
            }

            foreach (var prefix in group.Prefixes)
            {
                // A multi-word prefix ("gradient boo"): its last word is the prefix, the others are whole words.
                var words = prefix.Split(' ');
                foreach (var word in words[..^1].SelectMany(Fts5Tokenizer.TokensOf))
                {
                    _tokens.Add(word);
                    _starts.Add(Start(word));
                    Register(word);
                }

                // FTS5 stems the prefix as well: "calibration"* matches tokens starting with "calibr".
                foreach (var stem in Fts5Tokenizer.TokensOf(words[^1]))
                {
                    _prefixes.Add(stem);
                    Register(stem);
                    if (stem.Length < StartLength)
                    {
                        _shortPrefixes.Add(stem);
                    }
                    else
                    {
                        _starts.Add(Start(stem));
                    }
                }
            }
        }
    }

    /// <summary>The whole text with every matching word between the mark characters.</summary>
    public string Highlight(string text)
    {
        var hits = Hits(text, out _);
        return hits.Count == 0 ? text : Mark(text, 0, text.Length, hits);
    }

    /// <summary>The best window of the text, matches marked, "…" where the text goes on.</summary>
    public string Snippet(string text)
    {
        var hits = Hits(text, out var wordCount);
        if (wordCount == 0)
        {
            return "";
        }

        // The window of WindowWords words holding the most distinct query words, then the most matches.
        var bestFirst = 0;
        var bestScore = -1;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int first = 0, last = 0; last < hits.Count; last++)
        {
            counts[hits[last].Hit] = counts.GetValueOrDefault(hits[last].Hit) + 1;
            while (hits[last].Word - hits[first].Word >= WindowWords)
            {
                if (--counts[hits[first].Hit] == 0)
                {
                    counts.Remove(hits[first].Hit);
                }

                first++;
            }

            var score = (counts.Count * 1000) + (last - first + 1);
            if (score > bestScore)
            {
                (bestFirst, bestScore) = (first, score);
            }
        }

        // Start a few words before the window's first match, so the match has some context.
        var startWord = hits.Count == 0 ? 0 : Math.Max(0, Math.Min(hits[bestFirst].Word - 3, wordCount - WindowWords));
        var endWord = Math.Min(wordCount, startWord + WindowWords) - 1;
        var (from, to) = Span(text, startWord, endWord);
        if (startWord == 0)
        {
            from = 0;
        }

        if (endWord == wordCount - 1)
        {
            to = text.Length;
        }

        var marked = Mark(text, from, to, hits);
        return (startWord > 0 ? "…" : "") + marked + (to < text.Length ? "…" : "");
    }

    /// <summary>The text between two offsets with the hits inside it marked.</summary>
    private static string Mark(string text, int from, int to, List<(int Word, int Start, int Length, string Hit)> hits)
    {
        var marked = new StringBuilder(to - from + 16);
        var at = from;
        foreach (var (_, start, length, _) in hits)
        {
            if (start >= from && start + length <= to)
            {
                marked.Append(text, at, start - at).Append(SearchSnippet.MarkStart).Append(text, start, length).Append(SearchSnippet.MarkEnd);
                at = start + length;
            }
        }

        return marked.Append(text, at, to - at).ToString();
    }

    /// <summary>The words (runs of letters and digits) that match a query token, with their index among all words.</summary>
    private List<(int Word, int Start, int Length, string Hit)> Hits(string text, out int wordCount)
    {
        var hits = new List<(int, int, int, string)>();
        wordCount = 0;
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (Match(text.AsSpan(start, i - start)) is { } hit)
            {
                hits.Add((wordCount, start, i - start, hit));
            }

            wordCount++;
        }

        return hits;
    }

    /// <summary>The start offset of word <paramref name="first"/> and the end offset of word <paramref name="last"/>.</summary>
    private static (int From, int To) Span(string text, int first, int last)
    {
        int from = 0, word = -1;
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            word++;
            if (word == first)
            {
                from = start;
            }

            if (word == last)
            {
                return (from, i);
            }
        }

        return (from, text.Length);
    }

    private string? Match(ReadOnlySpan<char> word)
    {
        var first = char.ToLowerInvariant(word[0]);
        if ((first < 128 && !_firstLetters[first]) || (!_starts.Contains(Start(word)) && !StartsWithShortPrefix(word)))
        {
            return null;
        }

        var tokens = Fts5Tokenizer.TokensOf(word);
        if (tokens is not [var token])
        {
            return null;
        }

        if (_tokens.Contains(token))
        {
            return token;
        }

        foreach (var prefix in _prefixes)
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        return null;
    }

    private const int StartLength = 3;

    private void Register(string token)
    {
        if (token.Length > 0 && token[0] < 128)
        {
            _firstLetters[token[0]] = true;
        }
    }

    /// <summary>The first three characters (fewer for a shorter word), lower-cased, as one number: a cheap test
    /// before tokenizing a word, since stemming keeps a word's first letters.</summary>
    private static long Start(ReadOnlySpan<char> word)
    {
        long key = Math.Min(word.Length, StartLength);
        for (var i = 0; i < Math.Min(word.Length, StartLength); i++)
        {
            key = (key << 16) | char.ToLowerInvariant(word[i]);
        }

        return key;
    }

    private bool StartsWithShortPrefix(ReadOnlySpan<char> word)
    {
        foreach (var prefix in _shortPrefixes)
        {
            if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }}
