namespace MlPrep.Core.Practice.Fsrs;

/// <summary>How well the user recalled a question (FSRS ratings; keys 1-4 in the review screens).</summary>
public enum Rating
{
    /// <summary>A manual edit; never passed to the scheduler.</summary>
    Manual = 0,
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// <summary>Where a card is in its life.</summary>
public enum CardState
{
    New = 0,
    Learning = 1,
    Review = 2,
    Relearning = 3,
}

/// <summary>The scheduling state of one question for one user: what FSRS reads and writes.</summary>
/// <remarks>
/// Field meanings follow ts-fsrs 5.4.2 (../shared/fsrs/FSRS.md §1) so stored cards can be compared with
/// its vectors. Stability is in days; difficulty is in [1, 10]; both are 0 while the card is new.
/// </remarks>
public sealed record FsrsCard
{
    public required DateTimeOffset Due { get; init; }

    public double Stability { get; init; }

    public double Difficulty { get; init; }

    /// <summary>Whole days between the last review and <see cref="Due"/> (0 for a minute step).</summary>
    public int ScheduledDays { get; init; }

    /// <summary>Index of the current (re)learning step.</summary>
    public int LearningSteps { get; init; }

    public int Reps { get; init; }

    /// <summary>Times a card in review was answered Again.</summary>
    public int Lapses { get; init; }

    public CardState State { get; init; }

    public DateTimeOffset? LastReview { get; init; }

    /// <summary>The elapsed days the last review used.</summary>
    public int ElapsedDays { get; init; }

    /// <summary>A card never reviewed, due at <paramref name="now"/>.</summary>
    public static FsrsCard New(DateTimeOffset now) => new() { Due = now };
}
