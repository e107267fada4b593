using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Interviews;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Storage;

namespace MlPrep.Core.Practice;

/// <summary>The level a user is preparing for, with the bank levels that level's interviews draw on.</summary>
public enum TargetLevel
{
    Junior,
    Mid,
    Senior,
    Staff,
}

/// <summary>Mastery of one group of questions (a track or a level).</summary>
public sealed record Mastery(string Name, int Known, int Total)
{
    public double Share => Total == 0 ? 0 : (double)Known / Total;
}

/// <summary>How ready the user is for a target level, with what to do next.</summary>
public sealed record Readiness(TargetLevel Target, IReadOnlyList<Level> Levels, int Known, int Total, IReadOnlyList<Mastery> WeakestTracks, IReadOnlyList<string> NextSteps)
{
    public double Share => Total == 0 ? 0 : (double)Known / Total;

    /// <summary>The usual bar: knowing 60-70% of the level's questions confidently.</summary>
    public const double Bar = 0.6;
}

/// <summary>Everything the progress dashboard shows.</summary>
public sealed record ProgressReport(
    IReadOnlyDictionary<DateOnly, int> ReviewsPerDay,
    IReadOnlyList<int> DueForecast,
    double? PredictedRetention,
    double? ActualRetention,
    int ActualRetentionReviews,
    int Streak,
    IReadOnlyDictionary<CardState, int> ByState,
    int Suspended,
    int Leeches,
    IReadOnlyList<Mastery> ByTrack,
    IReadOnlyList<Mastery> ByLevel,
    Readiness Readiness,
    IReadOnlyList<MockSession> Mocks);

/// <summary>Computes progress, mastery and readiness from the review log and cards.</summary>
/// <remarks>
/// A question counts as <em>known confidently</em> when its card is in review, FSRS predicts at least a
/// 85% chance of recall now, the last rating was Good or Easy and the user ticked at least 60% of the key
/// points in that review (recalling the gist without the points an interviewer listens for is not
/// knowing it). Readiness is the share of the target
/// level's questions known confidently; interviewers' rule of thumb puts the bar at 60-70%.
/// </remarks>
public sealed class ProgressService(MlPrepDb db, ContentBank bank, TimeProvider time)
{
    public const double ConfidentRecall = 0.85;
    public const double ConfidentCoverage = 0.6;

    public static IReadOnlyList<Level> LevelsFor(TargetLevel target) => target switch
    {
        TargetLevel.Junior => [Level.Beginner, Level.Intermediate],
        TargetLevel.Mid => [Level.Intermediate],
        TargetLevel.Senior => [Level.Intermediate, Level.Advanced],
        _ => [Level.Advanced, Level.Expert],
    };

    public async Task<ProgressReport> ReportAsync(string userId, TargetLevel target, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var since = now.UtcDateTime.Date.AddDays(-364);
        var logs = db.ReviewLogs.AsNoTracking().Where(l => l.UserId == userId && l.UndoneAt == null);

        var perDay = (await db.ReviewsPerDayAsync(userId, since, cancellationToken))
            .ToDictionary(d => DateOnly.ParseExact(d.Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d => d.Count);

        var cards = await db.ReviewCards.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(cancellationToken);
        var active = cards.Where(c => !c.Suspended && c.State != CardState.New && bank.Find(c.QuestionId) is not null).ToList();
        var forecast = new int[30];
        foreach (var card in active)
        {
            var day = (DateOnly.FromDateTime(card.Due) .DayNumber - today.DayNumber);
            forecast[Math.Clamp(day, 0, 29)] += day < 30 ? 1 : 0;
        }

        var scheduler = new FsrsScheduler();
        var inReview = active.Where(c => c.State == CardState.Review).Select(c => (Card: c, Recall: scheduler.Retrievability(c.ToFsrs(), now))).ToList();
        double? predicted = inReview.Count == 0 ? null : inReview.Average(c => c.Recall);
        var monthAgo = now.UtcDateTime.AddDays(-30);
        var recentReviews = await logs.Where(l => l.ReviewedAt >= monthAgo && l.StateBefore == CardState.Review)
            .GroupBy(_ => 1).Select(g => new { Total = g.Count(), Passed = g.Count(l => l.Rating != Rating.Again) }).FirstOrDefaultAsync(cancellationToken);
        double? actual = recentReviews is { Total: > 0 } r ? (double)r.Passed / r.Total : null;

        var known = inReview.Where(c => c.Recall >= ConfidentRecall && c.Card.LastRating >= Rating.Good && c.Card.LastCoverage >= ConfidentCoverage)
            .Select(c => c.Card.QuestionId).ToHashSet(StringComparer.Ordinal);

        var questions = bank.Questions.Where(q => q.IsComplete).ToList();
        var byTrack = questions.GroupBy(q => q.Track).OrderBy(g => g.Key).Select(g => new Mastery(Slug.Of(g.Key), g.Count(q => known.Contains(q.Id)), g.Count())).ToList();
        var byLevel = questions.GroupBy(q => q.Level).OrderBy(g => g.Key).Select(g => new Mastery(Slug.Of(g.Key), g.Count(q => known.Contains(q.Id)), g.Count())).ToList();

        var byState = Enum.GetValues<CardState>().ToDictionary(s => s, s => active.Count(c => c.State == s));
        byState[CardState.New] = questions.Count - active.Count;
        var mocks = await db.MockSessions.AsNoTracking().Include(s => s.Answers).Where(s => s.UserId == userId).OrderByDescending(s => s.StartedAt).Take(20).ToListAsync(cancellationToken);
        return new ProgressReport(perDay, forecast, predicted, actual, recentReviews?.Total ?? 0, Streak(perDay, today), byState,
            cards.Count(c => c.Suspended), cards.Count(c => c.Leech), byTrack, byLevel, ReadinessFor(target, questions, known, byState), mocks);
    }

    private static int Streak(IReadOnlyDictionary<DateOnly, int> perDay, DateOnly today)
    {
        var day = perDay.ContainsKey(today) ? today : today.AddDays(-1);
        var streak = 0;
        while (perDay.ContainsKey(day))
        {
            streak++;
            day = day.AddDays(-1);
        }

        return streak;
    }

    private static Readiness ReadinessFor(TargetLevel target, List<Question> questions, HashSet<string> known, Dictionary<CardState, int> byState)
    {
        var levels = LevelsFor(target);
        var relevant = questions.Where(q => levels.Contains(q.Level)).ToList();
        var weakest = relevant.GroupBy(q => q.Track).Where(g => g.Count() >= 5)
            .Select(g => new Mastery(Slug.Of(g.Key), g.Count(q => known.Contains(q.Id)), g.Count()))
            .OrderBy(m => m.Share).ThenByDescending(m => m.Total).Take(3).ToList();
        var knownCount = relevant.Count(q => known.Contains(q.Id));
        var steps = new List<string>();
        if (byState[CardState.Learning] + byState[CardState.Relearning] > 0)
        {
            steps.Add("Finish the cards in learning first: they are the ones you are about to forget.");
        }

        if (weakest.Count > 0)
        {
            var w = weakest[0];
            steps.Add($"Review new questions from {w.Name}, the weakest track at this level ({w.Known} of {w.Total} known).");
            steps.Add($"Run an ML depth mock interview on {w.Name} to find the gaps the follow-ups expose.");
        }

        var share = relevant.Count == 0 ? 0 : (double)knownCount / relevant.Count;
        steps.Add(share >= Readiness.Bar
            ? "You are past the usual bar: keep the reviews due each day and spend the rest on full-loop mock interviews."
            : $"About {Math.Ceiling(Readiness.Bar * relevant.Count) - knownCount:0} more questions known confidently reach the 60% bar.");
        return new Readiness(target, levels, knownCount, relevant.Count, weakest, steps);
    }
}
