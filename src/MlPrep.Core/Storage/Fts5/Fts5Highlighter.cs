using System.Buffers;
using System.Text;
using MlPrep.Core.Search;

namespace MlPrep.Core.Storage.Fts5;

/// <summary>Highlighted titles and snippets for SQLite search results, built in memory from the question's
/// text with the index's own tokenizer, so a word is marked exactly when FTS5 would match it.</summary>
/// <remarks>FTS5's <c>snippet()</c> re-tokenizes the whole body of every result (about 0.2 ms for a 6 KB
/// answer), which made snippets the largest cost of a search page. Here the text is searched (vectorized,
/// ignoring case) for the first three letters of each query token, since stemming keeps a word's first
/// letters; only words starting there are tokenized, each distinct word once (see <see cref="Fts5Tokenizer"/>).
/// The snippet is the window of <see cref="WindowWords"/> words that holds the most distinct query words,
/// then the most matches, cut with "…" where it does not reach the text's ends, as FTS5's snippet does.
/// Words are counted only between nearby matches and around the chosen window.</remarks>
public sealed class Fts5Highlighter
{
    public const int WindowWords = 24;

    /// <summary>How many words of context come before the window's first match.</summary>
    private const int LeadWords = 3;

    private const int StartLength = 3;

    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];
    private readonly SearchValues<string>? _starts;

    public Fts5Highlighter(SearchTerms terms)
    {
        var starts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Start(string token)
        {
            var start = token[..Math.Min(token.Length, StartLength)];
            starts.Add(start);

            // The one change Porter stemming makes within a word's first letters: a final "y" becomes "i"
            // ("try" is indexed as "tri").
            if (start.EndsWith('i') && token.Length == start.Length)
            {
                starts.Add(start[..^1] + "y");
            }
        }

        void Whole(string token)
        {
            _tokens.Add(token);
            Start(token);
        }

        foreach (var group in terms.Groups)
        {
            foreach (var phrase in group.Phrases.Where(p => !group.Prefix || p != group.Phrases[0]))
            {
                foreach (var token in Fts5Tokenizer.TokensOf(phrase))
                {
                    Whole(token);
                }
            }

            foreach (var prefix in group.Prefixes)
            {
                // A multi-word prefix ("gradient boo"): its last word is the prefix, the others are whole words.
                var words = prefix.Split(' ');
                foreach (var word in words[..^1].SelectMany(Fts5Tokenizer.TokensOf))
                {
                    Whole(word);
                }

                // FTS5 stems the prefix as well: "calibration"* matches tokens starting with "calibr".
                foreach (var stem in Fts5Tokenizer.TokensOf(words[^1]))
                {
                    _prefixes.Add(stem);
                    Start(stem);
                }
            }
        }

        starts.Remove("");
        _starts = starts.Count == 0 ? null : SearchValues.Create([.. starts], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The whole text with every matching word between the mark characters.</summary>
    public string Highlight(string text)
    {
        var hits = Hits(text);
        return hits.Count == 0 ? text : Mark(text, 0, text.Length, hits);
    }

    /// <summary>The best window of the text, matches marked, "…" where the text goes on.</summary>
    public string Snippet(string text)
    {
        var hits = Hits(text);

        // The window of WindowWords words holding the most distinct query words, then the most matches.
        // Word numbers only need to be right between matches less than a window apart.
        var numbers = new int[hits.Count];
        for (var i = 1; i < hits.Count; i++)
        {
            numbers[i] = numbers[i - 1] + 1 + CountWords(text, hits[i - 1].Start + hits[i - 1].Length, hits[i].Start, WindowWords);
        }

        var bestFirst = 0;
        var bestScore = -1;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int first = 0, last = 0; last < hits.Count; last++)
        {
            counts[hits[last].Hit] = counts.GetValueOrDefault(hits[last].Hit) + 1;
            while (numbers[last] - numbers[first] >= WindowWords)
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

        // Start a few words before the window's first match, so the match has some context; a window that
        // would run past the last word starts earlier instead.
        var anchor = hits.Count == 0 ? NextWord(text, 0) : hits[bestFirst].Start;
        if (anchor < 0)
        {
            return "";
        }

        var from = WordsBack(text, anchor, LeadWords);
        var (to, found) = WordsForward(text, from, WindowWords);
        if (found < WindowWords)
        {
            from = WordsBack(text, from, WindowWords - found);
            (to, _) = WordsForward(text, from, WindowWords);
        }

        var atStart = NextWord(text, 0) == from;
        var atEnd = NextWord(text, to) < 0;
        if (atStart)
        {
            from = 0;
        }

        if (atEnd)
        {
            to = text.Length;
        }

        var marked = Mark(text, from, to, hits);
        return (atStart ? "" : "…") + marked + (atEnd ? "" : "…");
    }

    /// <summary>The text between two offsets with the hits inside it marked.</summary>
    private static string Mark(string text, int from, int to, List<(int Start, int Length, string Hit)> hits)
    {
        var marked = new StringBuilder(to - from + 16);
        var at = from;
        foreach (var (start, length, _) in hits)
        {
            if (start >= from && start + length <= to)
            {
                marked.Append(text, at, start - at).Append(SearchSnippet.MarkStart).Append(text, start, length).Append(SearchSnippet.MarkEnd);
                at = start + length;
            }
        }

        return marked.Append(text, at, to - at).ToString();
    }

    /// <summary>The words (runs of letters and digits) that match a query token, in order.</summary>
    private List<(int Start, int Length, string Hit)> Hits(string text)
    {
        var hits = new List<(int, int, string)>();
        if (_starts is null)
        {
            return hits;
        }

        for (var at = 0; at < text.Length;)
        {
            var found = text.AsSpan(at).IndexOfAny(_starts);
            if (found < 0)
            {
                break;
            }

            var start = at + found;
            var end = start;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            // Only where a word begins: "boost" inside "upboost" is not the token "boost".
            if (start == 0 || !char.IsLetterOrDigit(text[start - 1]))
            {
                if (Match(text.AsSpan(start, end - start)) is { } hit)
                {
                    hits.Add((start, end - start, hit));
                }
            }

            at = Math.Max(end, start + 1);
        }

        return hits;
    }

    private string? Match(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || Fts5Tokenizer.TokensOf(word) is not [var token])
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

    /// <summary>How many words lie between two offsets, counting no further than <paramref name="cap"/>.</summary>
    private static int CountWords(string text, int from, int to, int cap)
    {
        var count = 0;
        var inWord = false;
        for (var i = from; i < to && count < cap; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    /// <summary>The start of the first word at or after <paramref name="from"/>, or -1.</summary>
    private static int NextWord(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The start of the word <paramref name="words"/> words before the word starting at <paramref name="wordStart"/> (or of the first word).</summary>
    private static int WordsBack(string text, int wordStart, int words)
    {
        var at = wordStart;
        for (var i = wordStart - 1; i >= 0 && words > 0; i--)
        {
            if (char.IsLetterOrDigit(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                at = i;
                words--;
            }
        }

        return at;
    }

    /// <summary>The end of the <paramref name="words"/>-th word from <paramref name="wordStart"/> on, and how many words were found before the text ended.</summary>
    private static (int End, int Found) WordsForward(string text, int wordStart, int words)
    {
        var found = 0;
        var end = wordStart;
        for (var i = wordStart; i < text.Length && found < words;)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            found++;
            end = i;
        }

        return (end, found);
    }
}
