using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Storage;

namespace MlPrep.Core.Practice;

/// <summary>One rating, as it happened: enough to recompute every schedule and to undo it.</summary>
/// <remarks>Rows are never deleted. An undone rating keeps its row with <see cref="UndoneAt"/> set, and
/// the card goes back to the state recorded in the <c>*Before</c> columns.</remarks>
public sealed class ReviewLog
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string QuestionId { get; set; }
    public DateTime ReviewedAt { get; set; }
    public Rating Rating { get; set; }

    /// <summary>UTC calendar days since the previous review (what FSRS used).</summary>
    public int ElapsedDays { get; set; }

    /// <summary>Whole days until the next review that this rating set (0 for a minute step).</summary>
    public int ScheduledDays { get; set; }

    /// <summary>Seconds from showing the question to rating it.</summary>
    public int DurationSeconds { get; set; }

    /// <summary>Indexes (0-based) of the key points the user ticked as covered.</summary>
    public List<int> KeyPointsTicked { get; set; } = [];

    public int KeyPointsTotal { get; set; }

    /// <summary>The deck the review was made from, if any.</summary>
    public long? DeckId { get; set; }

    public CardState StateBefore { get; set; }
    public CardState StateAfter { get; set; }
    public double StabilityBefore { get; set; }
    public double StabilityAfter { get; set; }
    public double DifficultyBefore { get; set; }
    public double DifficultyAfter { get; set; }
    public DateTime DueBefore { get; set; }
    public DateTime DueAfter { get; set; }
    public int ScheduledDaysBefore { get; set; }
    public int LearningStepsBefore { get; set; }
    public int RepsBefore { get; set; }
    public int LapsesBefore { get; set; }
    public DateTime? LastReviewBefore { get; set; }
    public int ElapsedDaysBefore { get; set; }
    public bool LeechBefore { get; set; }

    public DateTime? UndoneAt { get; set; }

    /// <summary>The card as it was before this rating.</summary>
    public FsrsCard CardBefore() => new()
    {
        Due = DueBefore.AsUtcInstant(),
        Stability = StabilityBefore,
        Difficulty = DifficultyBefore,
        ScheduledDays = ScheduledDaysBefore,
        LearningSteps = LearningStepsBefore,
        Reps = RepsBefore,
        Lapses = LapsesBefore,
        State = StateBefore,
        LastReview = LastReviewBefore?.AsUtcInstant(),
        ElapsedDays = ElapsedDaysBefore,
    };
}
