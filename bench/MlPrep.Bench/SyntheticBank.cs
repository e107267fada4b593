using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MlPrep.Core.Content;

namespace MlPrep.Bench;

/// <summary>Builds a question bank of any size from the real content, deterministically.</summary>
/// <remarks>The real questions come first, unchanged but for links to questions outside the bank. Each
/// synthetic question combines two real ones: its title, metadata and key points come from one, its
/// sections from another of the same track and format (and status, so a published question never
/// inherits a draft's TODO), with sentences and bullet items shuffled; its title adds a topic of a third.
/// The index therefore holds many different documents over the real vocabulary rather than one document
/// repeated, while a word stays in about the share of documents it has in the real bank. (Taking each
/// section from a different question, as a first version did, nearly doubled that share: "calibration"
/// matched 43% of a 100,000-question bank against 24% of the real one, so every search matched more than a
/// real bank of that size would.) The same seed always gives the same bank.</remarks>
public static partial class SyntheticBank
{
    /// <summary>The seed used when none is given, so every benchmark run sees the same bank.</summary>
    public const int DefaultSeed = 20_261_122;

    /// <summary>The fewest questions of one track, format and status to take sections from.</summary>
    private const int MinDonors = 3;

    /// <summary>A bank of exactly <paramref name="count"/> questions: the real ones, then synthetic ones.</summary>
    /// <param name="real">The loaded real bank.</param>
    /// <param name="count">How many questions the bank holds.</param>
    /// <param name="seed">The seed of every random choice.</param>
    /// <param name="renderHtml">False leaves the synthetic sections' HTML empty.</param>
    /// <remarks>When <paramref name="count"/> is below the real bank's size, only the first real questions
    /// are kept. Rendering HTML is three quarters of the generation time and neither search, sync nor
    /// the written files read it, so the benchmarks and the <c>generate</c> command turn it off; keep it
    /// on for a bank that pages will render.</remarks>
    public static ContentBank Generate(ContentBank real, int count, int seed = DefaultSeed, bool renderHtml = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (real.Questions.IsEmpty)
        {
            throw new ArgumentException("the real bank has no questions to build from", nameof(real));
        }

        var questions = real.Questions.Take(count).Concat(Synthesize(real.Questions, count - Math.Min(count, real.Questions.Length), seed, renderHtml)).ToList();
        var ids = questions.Select(q => q.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ContentBank(questions.Select(q => Finish(q, ids)), real.Guides, real.Thesaurus);
    }

    /// <summary>Drops links to questions outside the bank (left out of a small bank, or files with errors in
    /// the real content) and sets the hash the question's file would have when it is new or changed.</summary>
    private static Question Finish(Question question, HashSet<string> ids)
    {
        if (question.ContentHash.Length > 0 && question.FollowUps.Concat(question.Prerequisites).All(ids.Contains))
        {
            return question;
        }

        var linked = question with
        {
            FollowUps = [.. question.FollowUps.Where(ids.Contains)],
            Prerequisites = [.. question.Prerequisites.Where(ids.Contains)],
        };
        return linked with { ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(QuestionMarkdown.Write(linked)))) };
    }

    private static IEnumerable<Question> Synthesize(ImmutableArray<Question> real, int count, int seed, bool renderHtml)
    {
        var random = new Random(seed);
        var byTrack = real.GroupBy(q => (q.Track, q.Format, q.Status)).ToDictionary(g => g.Key, g => g.ToArray());
        var byFormat = real.GroupBy(q => (q.Format, q.Status)).ToDictionary(g => g.Key, g => g.ToArray());
        // Numbers continue after every id the real bank uses or links to (a link may name a file that
        // failed to load), so no synthetic question takes over a link meant for another question.
        var nextNumber = real
            .SelectMany(q => q.FollowUps.Concat(q.Prerequisites).Append(q.Id))
            .Select(text => QuestionId.TryParse(text, out var id) ? id : default)
            .Where(id => id.Prefix is not null)
            .GroupBy(id => id.Prefix, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(id => id.Number) + 1, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var template = real[random.Next(real.Length)];
            var prefix = template.Track.Prefix();
            var number = nextNumber.GetValueOrDefault(prefix, 1);
            nextNumber[prefix] = number + 1;
            var id = new QuestionId(prefix, number).ToString();
            // A track with very few questions of this kind borrows from the whole bank, or every one of
            // its synthetic questions would be the same few sections reshuffled.
            var pool = byTrack[(template.Track, template.Format, template.Status)] is { Length: >= MinDonors } sameTrack
                ? sameTrack
                : byFormat[(template.Format, template.Status)];
            var donor = pool[random.Next(pool.Length)];
            var sections = template.Sections.Select(section =>
            {
                var markdown = Shuffle((donor.Section(section.Name) ?? section).Markdown, random);
                return new Section(section.Name, markdown, renderHtml ? ContentMarkdown.ToHtml(markdown) : "");
            }).ToImmutableArray();
            var other = real[random.Next(real.Length)];
            var topic = other.Topics.IsEmpty ? Slug.Of(other.Track) : other.Topics[random.Next(other.Topics.Length)];
            var question = template with
            {
                Id = id,
                Title = $"{template.Title} (variant {number}: {topic.Replace('-', ' ')})",
                Sections = sections,
                SourcePath = $"questions/{Slug.Of(template.Track)}/{id}-synthetic.md",
                ContentHash = "",
            };
            yield return question;
        }
    }

    /// <summary>Shuffles the sentences of plain paragraphs and the items of simple bullet lists; code, math,
    /// tables, headings and mixed blocks are kept as they are, so the Markdown stays valid.</summary>
    internal static string Shuffle(string markdown, Random random)
    {
        var blocks = Blocks(markdown).Select(block =>
        {
            var lines = block.Split('\n');
            if (lines.All(line => BulletItem().IsMatch(line)))
            {
                random.Shuffle(lines);
                return string.Join('\n', lines);
            }

            if (lines.Any(line => Special().IsMatch(line)))
            {
                return block;
            }

            var sentences = SentenceEnd().Split(string.Join(' ', lines));
            random.Shuffle(sentences);
            return string.Join(' ', sentences);
        });
        return string.Join("\n\n", blocks);
    }

    /// <summary>Blocks separated by blank lines; a fenced code block stays whole even with blank lines inside.</summary>
    private static List<string> Blocks(string markdown)
    {
        var blocks = new List<string>();
        var current = new List<string>();
        var inFence = false;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (!inFence && line.Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    blocks.Add(string.Join('\n', current));
                    current.Clear();
                }

                continue;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            blocks.Add(string.Join('\n', current));
        }

        return blocks;
    }

    /// <summary>A one-line bullet item at the left margin.</summary>
    [GeneratedRegex(@"^[-*+] \S")]
    private static partial Regex BulletItem();

    /// <summary>A line that is not plain paragraph text: list, heading, table, quote, math, code, indented.</summary>
    [GeneratedRegex(@"^(\s|[-*+] |\d+[.)] |#|\||>|\$\$|```|~~~)")]
    private static partial Regex Special();

    /// <summary>The gap after a sentence's final punctuation, before the next sentence's capital.</summary>
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z(*""])")]
    private static partial Regex SentenceEnd();
}
