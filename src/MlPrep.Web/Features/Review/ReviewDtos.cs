using MlPrep.Core.Practice;
using MlPrep.Core.Practice.Fsrs;

namespace MlPrep.Web.Features.Review;

/// <summary>A rating sent to <c>POST /api/review/ratings</c>.</summary>
public sealed record RatingInput(string? QuestionId, int Rating, int? Version, int? DurationSeconds, IReadOnlyList<int>? KeyPointsTicked, long? DeckId);

public sealed record CardDto(string State, DateTimeOffset Due, double Stability, double Difficulty, int ScheduledDays, int Reps, int Lapses, DateTimeOffset? LastReview)
{
    public static CardDto From(FsrsCard c) => new(c.State.ToString().ToLowerInvariant(), c.Due, c.Stability, c.Difficulty, c.ScheduledDays, c.Reps, c.Lapses, c.LastReview);
}

public sealed record OptionDto(string Interval, DateTimeOffset Due, string State);

public sealed record NextCardDto(string QuestionId, string Title, int Version, bool IsNew, bool Leech, CardDto Card, IReadOnlyDictionary<string, OptionDto> Options, ReviewCounts Counts, IReadOnlyList<string> KeyPoints)
{
    public static NextCardDto From(ReviewItem item, DateTimeOffset now) => new(
        item.Question.Id, item.Question.Title, item.Version, item.IsNew, item.Leech, CardDto.From(item.Card),
        item.Outcomes.ToDictionary(o => o.Key.ToString().ToLowerInvariant(), o => new OptionDto(item.IntervalLabel(o.Key, now), o.Value.Due, o.Value.State.ToString().ToLowerInvariant())),
        item.Counts, [.. item.Question.KeyPoints.Select(k => k.Point)]);
}

public sealed record RatingDto(long LogId, string QuestionId, int Version, bool Leech, CardDto Card)
{
    public static RatingDto From(RatingResult result) => new(result.Log!.Id, result.Card!.QuestionId, result.Card.Version, result.Card.Leech, CardDto.From(result.Card.ToFsrs()));
}

public sealed record UndoDto(string QuestionId, long LogId, Rating Rating);

public sealed record SettingsDto(double DesiredRetention, int NewPerDay, string LearningSteps, string RelearningSteps, int MaximumInterval, bool Fuzz, int LeechThreshold)
{
    public static SettingsDto From(PracticeSettings s) => new(s.DesiredRetention, s.NewPerDay, s.LearningSteps, s.RelearningSteps, s.MaximumInterval, s.Fuzz, s.LeechThreshold);

    public PracticeSettings ToSettings(string userId) => new()
    {
        UserId = userId,
        DesiredRetention = DesiredRetention,
        NewPerDay = NewPerDay,
        LearningSteps = LearningSteps ?? "",
        RelearningSteps = RelearningSteps ?? "",
        MaximumInterval = MaximumInterval,
        Fuzz = Fuzz,
        LeechThreshold = LeechThreshold,
    };
}
