using MlPrep.Core.Content;

namespace MlPrep.Core.Interviews;

/// <summary>One question's line in a mock interview report; <c>Stages</c> holds a design question's stages, otherwise the one answer.</summary>
public sealed record ReportItem(Question Question, string Section, string? FollowUpOf, IReadOnlyList<MockAnswer> Stages, int SecondsSpent, int SecondsAllowed, int? Score, IReadOnlyList<KeyPoint> Covered, IReadOnlyList<KeyPoint> MissedPoints)
{
    public bool Answered => Score is not null;

    public bool Overtime => SecondsSpent > SecondsAllowed;

    /// <summary>Weak enough to review: graded 1-2, or graded with key points missed, or never answered.</summary>
    public bool IsMissed => Score is null or <= 2 || MissedPoints.Count > 0;

    public string QuestionId => Question.Id;
}

/// <summary>Scores for one topic across the interview.</summary>
public sealed record TopicScore(string Topic, double AverageScore, int Questions, double KeyPointCoverage);

/// <summary>What a finished (or abandoned) mock interview shows: time per question, key points, scores by topic, weakest topics.</summary>
public sealed record MockReport(MockSession Session, IReadOnlyList<ReportItem> Items, IReadOnlyList<TopicScore> Topics)
{
    public int SecondsSpent => Items.Sum(i => i.SecondsSpent);

    public int SecondsAllowed => Items.Sum(i => i.SecondsAllowed);

    public double? AverageScore => Items.Where(i => i.Answered).Select(i => (double)i.Score!.Value).DefaultIfEmpty().Average() is var avg && Items.Any(i => i.Answered) ? avg : null;

    public int KeyPointsCovered => Items.Sum(i => i.Covered.Count);

    public int KeyPointsTotal => Items.Sum(i => i.Covered.Count + i.MissedPoints.Count);

    public IReadOnlyList<ReportItem> Missed => [.. Items.Where(i => i.IsMissed)];

    /// <summary>The three topics with the lowest average score (at least one graded question each).</summary>
    public IReadOnlyList<TopicScore> Weakest => [.. Topics.OrderBy(t => t.AverageScore).ThenBy(t => t.KeyPointCoverage).Take(3)];

    public static MockReport From(MockSession session, ContentBank bank, DateTimeOffset now)
    {
        var items = new List<ReportItem>();
        foreach (var group in session.Answers.OrderBy(a => a.Position).GroupBy(a => (a.QuestionId, a.FollowUpOf)))
        {
            if (bank.Find(group.Key.QuestionId) is not { } question)
            {
                continue;
            }

            var stages = group.ToList();
            var graded = stages.Where(a => a.Score is not null).ToList();
            int? score = graded.Count == stages.Count && graded.Count > 0 ? (int)Math.Round(graded.Average(a => a.Score!.Value), MidpointRounding.AwayFromZero) : null;
            var ticked = stages.Where(a => a.KeyPointsTotal > 0 && a.CompletedAt is not null).SelectMany(a => a.KeyPointsTicked).ToHashSet();
            var graderSawPoints = stages.Any(a => a.KeyPointsTotal > 0 && a.CompletedAt is not null);
            var covered = question.KeyPoints.Where((_, i) => ticked.Contains(i)).ToList();
            var missed = question.KeyPoints.Where((_, i) => !ticked.Contains(i)).ToList();
            items.Add(new ReportItem(question, stages[0].Section, group.Key.FollowUpOf, stages,
                stages.Sum(a => a.SecondsSpent(now)), stages.Sum(a => a.TimeBoxSeconds), score, covered, graderSawPoints || score is null ? missed : []));
        }

        var topics = items.Where(i => i.Answered)
            .SelectMany(i => i.Question.Topics.Select(t => (Topic: t, Item: i)))
            .GroupBy(x => x.Topic)
            .Select(g => new TopicScore(g.Key, g.Average(x => x.Item.Score!.Value), g.Count(),
                g.Sum(x => x.Item.Covered.Count) / (double)Math.Max(1, g.Sum(x => x.Item.Covered.Count + x.Item.MissedPoints.Count))))
            .OrderBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();
        return new MockReport(session, items, topics);
    }
}
