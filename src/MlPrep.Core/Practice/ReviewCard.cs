using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Storage;

namespace MlPrep.Core.Practice;

/// <summary>One question's schedule for one user: the FSRS card plus suspend, bury and leech flags.</summary>
/// <remarks>A row exists only once the user has rated the question; a question without a row is new.
/// <see cref="Version"/> is a concurrency token: a rating names the version it was made against, so a
/// second tab rating the same card gets a conflict instead of scheduling it twice.</remarks>
public sealed class ReviewCard
{
    public required string UserId { get; set; }
    public required string QuestionId { get; set; }
    public CardState State { get; set; }
    public DateTime Due { get; set; }
    public double Stability { get; set; }
    public double Difficulty { get; set; }
    public int ScheduledDays { get; set; }
    public int LearningSteps { get; set; }
    public int Reps { get; set; }
    public int Lapses { get; set; }
    public DateTime? LastReview { get; set; }
    public int ElapsedDays { get; set; }

    /// <summary>Left out of review until the user unsuspends it.</summary>
    public bool Suspended { get; set; }

    /// <summary>Left out of review until this instant (the next UTC day after burying).</summary>
    public DateTime? BuriedUntil { get; set; }

    /// <summary>Lapsed so often (the leech threshold in the settings) that rereading it will not help; shown with a tag.</summary>
    public bool Leech { get; set; }

    /// <summary>Set when the user asked to review this question soon (e.g. missed in a mock interview): a new one skips the daily limit and comes first.</summary>
    public DateTime? QueuedAt { get; set; }

    /// <summary>The rating of the latest review that stands (not undone), kept here so progress needs no scan of the log.</summary>
    public Rating? LastRating { get; set; }

    /// <summary>Share of key points ticked in that review.</summary>
    public double? LastCoverage { get; set; }

    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }

    public FsrsCard ToFsrs() => new()
    {
        Due = Due.AsUtcInstant(),
        Stability = Stability,
        Difficulty = Difficulty,
        ScheduledDays = ScheduledDays,
        LearningSteps = LearningSteps,
        Reps = Reps,
        Lapses = Lapses,
        State = State,
        LastReview = LastReview?.AsUtcInstant(),
        ElapsedDays = ElapsedDays,
    };

    public void Apply(FsrsCard card)
    {
        State = card.State;
        Due = card.Due.UtcDateTime;
        Stability = card.Stability;
        Difficulty = card.Difficulty;
        ScheduledDays = card.ScheduledDays;
        LearningSteps = card.LearningSteps;
        Reps = card.Reps;
        Lapses = card.Lapses;
        LastReview = card.LastReview?.UtcDateTime;
        ElapsedDays = card.ElapsedDays;
    }
}
