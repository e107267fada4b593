using MlPrep.Core.Content;

namespace MlPrep.Core.Storage;

/// <summary>A question as the database knows it: its metadata, its searchable text and its sync history.</summary>
/// <remarks>The Markdown files stay the source of truth for what a question says; this row exists so that
/// search, filtering and everything users record (reviews, interviews) can refer to a question, and it is
/// never deleted: a question removed from the content folder is only marked retired.</remarks>
public sealed class QuestionRecord
{
    public required string Id { get; set; }

    /// <summary>The number part of the id, so "ML-10" sorts after "ML-9".</summary>
    public int Number { get; set; }

    public required string Title { get; set; }
    public Track Track { get; set; }
    public QuestionFormat Format { get; set; }
    public Level Level { get; set; }
    public int Difficulty { get; set; }
    public Kind Kind { get; set; }
    public List<Round> Rounds { get; set; } = [];
    public List<string> Topics { get; set; } = [];

    /// <summary>The topics joined by spaces, for the full-text index.</summary>
    public required string TopicText { get; set; }

    /// <summary>The answer sections and key points as plain text, for the full-text index.</summary>
    public required string SearchText { get; set; }

    public bool IsComplete { get; set; }
    public required string ContentHash { get; set; }
    public required string SourcePath { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the question's file disappeared from the content folder; cleared if it comes back.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>Copies everything the content file says into this row (not the sync dates).</summary>
    public void CopyFrom(Question question)
    {
        Title = question.Title;
        Number = QuestionId.TryParse(question.Id, out var id) ? id.Number : 0;
        Track = question.Track;
        Format = question.Format;
        Level = question.Level;
        Difficulty = question.Difficulty;
        Kind = question.Kind;
        Rounds = [.. question.Rounds];
        Topics = [.. question.Topics];
        TopicText = string.Join(' ', question.Topics.Select(t => t.Replace('-', ' ')));
        SearchText = SearchTextOf(question);
        IsComplete = question.IsComplete;
        ContentHash = question.ContentHash;
        SourcePath = question.SourcePath;
    }

    /// <summary>Bump when <see cref="SearchTextOf"/> or the topic text changes what is indexed: the next sync then
    /// rebuilds every question's search text and the full-text index, which a content hash alone would not trigger.</summary>
    public const int SearchTextVersion = 1;

    public static QuestionRecord From(Question question, DateTimeOffset now)
    {
        var record = new QuestionRecord
        {
            Id = question.Id, Title = "", TopicText = "", SearchText = "", ContentHash = "", SourcePath = "",
            AddedAt = now, UpdatedAt = now,
        };
        record.CopyFrom(question);
        return record;
    }

    private static string SearchTextOf(Question question)
    {
        var parts = question.Sections.Select(s => Markdig.Markdown.ToPlainText(s.Markdown, ContentMarkdown.Pipeline))
            .Concat(question.KeyPoints.Select(k => k.Point + " " + string.Join(' ', k.Terms)));
        return Search.SearchTerms.NormalizeNumbers(string.Join('\n', parts.Select(p => p.Trim())));
    }
}
