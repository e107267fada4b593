using MlPrep.Core.Content;
using MlPrep.Core.Storage;

namespace MlPrep.Core.Interviews;

/// <summary>One mock interview: its round, filters and answers; survives restarts and can be resumed.</summary>
public sealed class MockSession
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public MockRound Round { get; set; }
    public Track? Track { get; set; }
    public Level? Level { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public List<MockAnswer> Answers { get; set; } = [];

    public bool IsFinished => EndedAt is not null;

    /// <summary>The answer being worked on: the first one not completed, in order.</summary>
    public MockAnswer? Current => Answers.OrderBy(a => a.Position).FirstOrDefault(a => a.CompletedAt is null);
}

/// <summary>One question (or one design stage) inside a mock interview, with its timer, notes and self-grade.</summary>
public sealed class MockAnswer
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public required string UserId { get; set; }
    public int Position { get; set; }
    public required string QuestionId { get; set; }

    /// <summary>The part of the loop (a round slug) or, in a design round, the design stage ("Clarify", "Data" ...).</summary>
    public required string Section { get; set; }

    /// <summary>Set when the interviewer asked this as a follow-up to a strong answer.</summary>
    public string? FollowUpOf { get; set; }

    public int TimeBoxSeconds { get; set; }

    /// <summary>Seconds on the clock before <see cref="RunningSince"/>.</summary>
    public int ElapsedSeconds { get; set; }

    /// <summary>When the clock last started; null while paused or not started.</summary>
    public DateTime? RunningSince { get; set; }

    public string Notes { get; set; } = "";

    /// <summary>When the user said they were done and the model answer was revealed.</summary>
    public DateTime? DoneAt { get; set; }

    public List<int> KeyPointsTicked { get; set; } = [];
    public int KeyPointsTotal { get; set; }

    /// <summary>Self-grade: 1 missed it, 2 partial, 3 good, 4 strong.</summary>
    public int? Score { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>Seconds spent so far, counting a running clock up to <paramref name="now"/>.</summary>
    public int SecondsSpent(DateTimeOffset now) =>
        ElapsedSeconds + (RunningSince is { } since ? (int)Math.Max(0, (now - since.AsUtcInstant()).TotalSeconds) : 0);
}
