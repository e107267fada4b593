using System.Globalization;
using MlPrep.Core.Content;
using MlPrep.Core.Practice.Fsrs;

namespace MlPrep.Core.Practice;

/// <summary>How many questions wait in a deck right now.</summary>
/// <param name="New">New questions still allowed today (the daily limit minus those already started).</param>
/// <param name="Learning">Cards in a (re)learning step that are due.</param>
/// <param name="Review">Review cards due today (UTC).</param>
public sealed record ReviewCounts(int New, int Learning, int Review)
{
    public int Total => New + Learning + Review;
}

/// <summary>The next question to review, with what each rating would do.</summary>
public sealed record ReviewItem(Question Question, FsrsCard Card, int Version, bool IsNew, bool Leech, IReadOnlyDictionary<Rating, FsrsCard> Outcomes, ReviewCounts Counts)
{
    /// <summary>The wait each button leads to, as Anki labels it ("10m", "3d", "1.5mo").</summary>
    public string IntervalLabel(Rating rating, DateTimeOffset now) => Intervals.Label(Outcomes[rating].Due - now);
}

/// <summary>A rating as the user submitted it.</summary>
/// <param name="QuestionId">The question rated.</param>
/// <param name="Rating">Again, Hard, Good or Easy.</param>
/// <param name="ExpectedVersion">The card version the user saw; a different stored version means another tab rated it first.</param>
/// <param name="DurationSeconds">Time from showing the question to rating it.</param>
/// <param name="KeyPointsTicked">0-based indexes of the key points the user covered.</param>
/// <param name="DeckId">The deck the question was reviewed from, if any.</param>
public sealed record RatingRequest(string QuestionId, Rating Rating, int? ExpectedVersion = null, int DurationSeconds = 0, IReadOnlyList<int>? KeyPointsTicked = null, long? DeckId = null);

public enum RatingStatus
{
    Saved,
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>What happened to a rating.</summary>
public sealed record RatingResult(RatingStatus Status, string? Message = null, ReviewCard? Card = null, ReviewLog? Log = null)
{
    public static RatingResult NotFound(string id) => new(RatingStatus.NotFound, $"There is no question '{id}' in the bank.");

    public static RatingResult Invalid(string message) => new(RatingStatus.Invalid, message);

    public static RatingResult Conflict(string message) => new(RatingStatus.Conflict, message);
}

/// <summary>Formats waits the way flashcard users know them.</summary>
public static class Intervals
{
    public static string Label(TimeSpan wait)
    {
        var minutes = Math.Max(0, wait.TotalMinutes);
        return minutes switch
        {
            < 1 => "now",
            < 60 => $"{Math.Round(minutes):0}m",
            < 1440 => Number(minutes / 60) + "h",
            < 1440 * 30 => $"{Math.Round(minutes / 1440):0}d",
            < 1440 * 365 => Number(minutes / 1440 / 30.4375) + "mo",
            _ => Number(minutes / 1440 / 365.25) + "y",
        };
    }

    private static string Number(double value) =>
        (value < 10 ? Math.Round(value, 1) : Math.Round(value)).ToString("0.#", CultureInfo.InvariantCulture);
}
