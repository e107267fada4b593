using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;

namespace MlPrep.Core.Practice;

/// <summary>Spaced review: which question comes next, what a rating does, undo, suspend and bury.</summary>
/// <remarks>
/// Order of the queue: (re)learning cards that are due, then review cards due today (UTC), then new
/// questions up to the daily limit (easier levels first), then learning cards due within the next
/// 20 minutes so a session does not stall on a short step. The clock is the injected
/// <see cref="TimeProvider"/>; days are UTC calendar days, as in FSRS itself.
/// </remarks>
public sealed class ReviewService(MlPrepDb db, ContentBank bank, QuestionSearch search, TimeProvider time)
{
    private static readonly TimeSpan LearnAhead = TimeSpan.FromMinutes(20);

    public async Task<PracticeSettings> SettingsAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.PracticeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken)
        ?? PracticeSettings.Defaults(userId);

    /// <summary>Validates and stores settings; returns the errors by field, or an empty map when saved.</summary>
    public async Task<Dictionary<string, string>> SaveSettingsAsync(PracticeSettings settings, CancellationToken cancellationToken = default)
    {
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        var stored = await db.PracticeSettings.FirstOrDefaultAsync(s => s.UserId == settings.UserId, cancellationToken);
        if (stored is null)
        {
            stored = PracticeSettings.Defaults(settings.UserId);
            db.PracticeSettings.Add(stored);
        }

        db.Entry(stored).CurrentValues.SetValues(settings);
        stored.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>The next question to review from the questions <paramref name="filter"/> selects (the whole bank when null), or null when nothing is due.</summary>
    public async Task<ReviewItem?> NextAsync(string userId, QuestionQuery? filter = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var settings = await SettingsAsync(userId, cancellationToken);
        var deck = await DeckIdsAsync(filter, cancellationToken);
        var (counts, firstNew) = await QueueAsync(userId, settings, deck, now, cancellationToken);
        var nowUtc = now.UtcDateTime;
        var endOfDay = nowUtc.Date.AddDays(1);
        var active = Active(userId, deck, nowUtc);

        var card = await active.Where(c => (c.State == CardState.Learning || c.State == CardState.Relearning) && c.Due <= nowUtc).OrderBy(c => c.Due).FirstOrDefaultAsync(cancellationToken)
            ?? await active.Where(c => c.State == CardState.Review && c.Due < endOfDay).OrderBy(c => c.Due).FirstOrDefaultAsync(cancellationToken);
        Question? question = null;
        if (card is null && counts.New > 0)
        {
            question = firstNew;
        }

        if (card is null && question is null)
        {
            var ahead = nowUtc + LearnAhead;
            card = await active.Where(c => (c.State == CardState.Learning || c.State == CardState.Relearning) && c.Due <= ahead).OrderBy(c => c.Due).FirstOrDefaultAsync(cancellationToken);
        }

        if (card is not null)
        {
            question = bank.Find(card.QuestionId);
        }
        else if (question is not null)
        {
            // A new question can still have a row (undone first rating, unsuspended): its version guards the rating.
            card = await db.ReviewCards.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId && c.QuestionId == question.Id, cancellationToken);
        }

        if (question is null)
        {
            return null;
        }

        var fsrs = card?.ToFsrs() ?? FsrsCard.New(now);
        var outcomes = new FsrsScheduler(settings.ToFsrsOptions()).Repeat(fsrs, now, FuzzSeed(userId, question.Id));
        return new ReviewItem(question, fsrs, card?.Version ?? 0, fsrs.State == CardState.New, card?.Leech ?? false, outcomes, counts);
    }

    /// <summary>How many questions wait in the deck now.</summary>
    public async Task<ReviewCounts> CountsAsync(string userId, QuestionQuery? filter = null, CancellationToken cancellationToken = default) =>
        await CountsAsync(userId, await SettingsAsync(userId, cancellationToken), await DeckIdsAsync(filter, cancellationToken), time.GetUtcNow(), cancellationToken);

    /// <summary>Records a rating: schedules the card, writes the review log, tags leeches.</summary>
    public async Task<RatingResult> RateAsync(string userId, RatingRequest request, CancellationToken cancellationToken = default)
    {
        if (bank.Find(request.QuestionId) is not { } question)
        {
            return RatingResult.NotFound(request.QuestionId);
        }

        if (request.Rating is < Rating.Again or > Rating.Easy)
        {
            return RatingResult.Invalid("The rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).");
        }

        var ticked = (request.KeyPointsTicked ?? []).Distinct().Order().ToList();
        if (ticked.Any(i => i < 0 || i >= question.KeyPoints.Length))
        {
            return RatingResult.Invalid($"Key point numbers must be between 1 and {question.KeyPoints.Length} for {question.Id}.");
        }

        var now = time.GetUtcNow();
        var settings = await SettingsAsync(userId, cancellationToken);
        var row = await CurrentRowAsync(userId, question.Id, cancellationToken);
        if (request.ExpectedVersion is { } expected && expected != (row?.Version ?? 0))
        {
            return RatingResult.Conflict(AlreadyRated(question, row));
        }

        var before = row?.ToFsrs() ?? FsrsCard.New(now);
        if (before.LastReview is { } last && now < last)
        {
            return RatingResult.Invalid($"The clock reads {now:u}, before this card's last review at {last:u}; check the system time.");
        }

        var after = new FsrsScheduler(settings.ToFsrsOptions()).Next(before, now, request.Rating, FuzzSeed(userId, question.Id));
        if (row is null)
        {
            row = new ReviewCard { UserId = userId, QuestionId = question.Id };
            db.ReviewCards.Add(row);
        }

        var log = NewLog(userId, question, request, ticked, before, after, row.Leech, now);
        row.Apply(after);
        row.Leech |= after.Lapses >= settings.LeechThreshold;
        row.BuriedUntil = null;
        row.QueuedAt = null;
        row.LastRating = request.Rating;
        row.LastCoverage = Coverage(ticked.Count, question.KeyPoints.Length);
        row.Version++;
        row.UpdatedAt = now.UtcDateTime;
        db.ReviewLogs.Add(log);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request changed or created this card between our read and our write.
            db.ChangeTracker.Clear();
            var current = await db.ReviewCards.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId && c.QuestionId == question.Id, cancellationToken);
            return RatingResult.Conflict(AlreadyRated(question, current));
        }

        return new RatingResult(RatingStatus.Saved, null, row, log);
    }

    /// <summary>The card's row as stored now, even when this context already tracks an older copy (a long-lived context, as the CLI's).</summary>
    private async Task<ReviewCard?> CurrentRowAsync(string userId, string questionId, CancellationToken cancellationToken)
    {
        if (db.ReviewCards.Local.FirstOrDefault(c => c.UserId == userId && c.QuestionId == questionId) is { } tracked)
        {
            await db.Entry(tracked).ReloadAsync(cancellationToken);
            return db.Entry(tracked).State == EntityState.Detached ? null : tracked;
        }

        return await db.ReviewCards.FirstOrDefaultAsync(c => c.UserId == userId && c.QuestionId == questionId, cancellationToken);
    }

    /// <summary>Takes back the user's last rating: the card returns to its state before it, and the log row is kept, marked undone.</summary>
    public async Task<ReviewLog?> UndoAsync(string userId, CancellationToken cancellationToken = default)
    {
        var log = await db.ReviewLogs.Where(l => l.UserId == userId && l.UndoneAt == null).OrderByDescending(l => l.Id).FirstOrDefaultAsync(cancellationToken);
        if (log is null)
        {
            return null;
        }

        var row = await db.ReviewCards.FirstAsync(c => c.UserId == userId && c.QuestionId == log.QuestionId, cancellationToken);
        row.Apply(log.CardBefore());
        row.Leech = log.LeechBefore;
        var previous = await db.ReviewLogs.AsNoTracking()
            .Where(l => l.UserId == userId && l.QuestionId == log.QuestionId && l.UndoneAt == null && l.Id < log.Id)
            .OrderByDescending(l => l.Id).Select(l => new { l.Rating, Ticked = l.KeyPointsTicked.Count, l.KeyPointsTotal }).FirstOrDefaultAsync(cancellationToken);
        row.LastRating = previous?.Rating;
        row.LastCoverage = previous is null ? null : Coverage(previous.Ticked, previous.KeyPointsTotal);
        row.Version++;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        log.UndoneAt = row.UpdatedAt;
        await db.SaveChangesAsync(cancellationToken);
        return log;
    }

    /// <summary>Suspends a question (it leaves review until unsuspended) or unsuspends it.</summary>
    public Task<bool> SuspendAsync(string userId, string questionId, bool suspend, CancellationToken cancellationToken = default) =>
        UpdateFlagsAsync(userId, questionId, c => c.Suspended = suspend, cancellationToken);

    /// <summary>Hides a question until the next UTC day.</summary>
    public Task<bool> BuryAsync(string userId, string questionId, CancellationToken cancellationToken = default) =>
        UpdateFlagsAsync(userId, questionId, c => c.BuriedUntil = time.GetUtcNow().UtcDateTime.Date.AddDays(1), cancellationToken);

    private async Task<bool> UpdateFlagsAsync(string userId, string questionId, Action<ReviewCard> update, CancellationToken cancellationToken)
    {
        if (bank.Find(questionId) is not { } question)
        {
            return false;
        }

        var row = await db.ReviewCards.FirstOrDefaultAsync(c => c.UserId == userId && c.QuestionId == question.Id, cancellationToken);
        if (row is null)
        {
            row = new ReviewCard { UserId = userId, QuestionId = question.Id, Due = time.GetUtcNow().UtcDateTime };
            db.ReviewCards.Add(row);
        }

        update(row);
        row.Version++;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The deck's question ids, or null for the whole bank (no filter to apply).</summary>
    private async Task<List<string>?> DeckIdsAsync(QuestionQuery? filter, CancellationToken cancellationToken) =>
        filter is null || (!filter.HasFilters && filter.Text.Length == 0) ? null : await search.IdsAsync(filter with { Page = 1 }, cancellationToken);

    private IQueryable<ReviewCard> Active(string userId, List<string>? deck, DateTime nowUtc)
    {
        var cards = db.ReviewCards.AsNoTracking().Where(c => c.UserId == userId && !c.Suspended && (c.BuriedUntil == null || c.BuriedUntil <= nowUtc));
        return deck is null ? cards : cards.Where(c => deck.Contains(c.QuestionId));
    }

    private async Task<ReviewCounts> CountsAsync(string userId, PracticeSettings settings, List<string>? deck, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await QueueAsync(userId, settings, deck, now, cancellationToken)).Counts;

    /// <summary>The counts, and the next new question the user may start now (queued ones skip the daily limit).</summary>
    private async Task<(ReviewCounts Counts, Question? FirstNew)> QueueAsync(string userId, PracticeSettings settings, List<string>? deck, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowUtc = now.UtcDateTime;
        var today = nowUtc.Date;
        var active = Active(userId, deck, nowUtc);
        var learning = await active.CountAsync(c => (c.State == CardState.Learning || c.State == CardState.Relearning) && c.Due <= nowUtc, cancellationToken);
        var review = await active.CountAsync(c => c.State == CardState.Review && c.Due < today.AddDays(1), cancellationToken);
        var startedToday = await db.ReviewLogs.CountAsync(l => l.UserId == userId && l.ReviewedAt >= today && l.StateBefore == CardState.New && l.UndoneAt == null, cancellationToken);
        var quota = Math.Max(0, settings.NewPerDay - startedToday);
        var (candidates, queued) = await NewCandidatesAsync(userId, deck, nowUtc, cancellationToken);
        var queuedNew = candidates.Count(q => queued.Contains(q.Id));
        var firstNew = candidates.FirstOrDefault(q => quota > 0 || queued.Contains(q.Id));
        return (new ReviewCounts(Math.Min(quota, candidates.Count - queuedNew) + queuedNew, learning, review), firstNew);
    }

    /// <summary>Questions of the deck the user has not started: those queued on purpose first, then easier levels first.</summary>
    private async Task<(List<Question> Candidates, HashSet<string> Queued)> NewCandidatesAsync(string userId, List<string>? deck, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var rows = await db.ReviewCards.AsNoTracking()
            .Where(c => c.UserId == userId && (c.State != CardState.New || c.Suspended || (c.BuriedUntil != null && c.BuriedUntil > nowUtc) || c.QueuedAt != null))
            .Select(c => new { c.QuestionId, Excluded = c.State != CardState.New || c.Suspended || (c.BuriedUntil != null && c.BuriedUntil > nowUtc) }).ToListAsync(cancellationToken);
        var excluded = rows.Where(r => r.Excluded).Select(r => r.QuestionId).ToHashSet(StringComparer.Ordinal);
        var queued = rows.Where(r => !r.Excluded).Select(r => r.QuestionId).ToHashSet(StringComparer.Ordinal);
        var pool = deck is null ? bank.Questions.AsEnumerable() : deck.Select(bank.Find).OfType<Question>();
        return ([.. pool.Where(q => q.IsComplete && !excluded.Contains(q.Id)).OrderBy(q => queued.Contains(q.Id) ? 0 : 1).ThenBy(q => q.Level).ThenBy(q => q.Difficulty)], queued);
    }

    internal static double Coverage(int ticked, int total) => total == 0 ? 0 : (double)ticked / total;

    private static ReviewLog NewLog(string userId, Question question, RatingRequest request, List<int> ticked, FsrsCard before, FsrsCard after, bool leechBefore, DateTimeOffset now) => new()
    {
        UserId = userId,
        QuestionId = question.Id,
        ReviewedAt = now.UtcDateTime,
        Rating = request.Rating,
        ElapsedDays = after.ElapsedDays,
        ScheduledDays = after.ScheduledDays,
        DurationSeconds = Math.Clamp(request.DurationSeconds, 0, 24 * 3600),
        KeyPointsTicked = ticked,
        KeyPointsTotal = question.KeyPoints.Length,
        DeckId = request.DeckId,
        StateBefore = before.State,
        StateAfter = after.State,
        StabilityBefore = before.Stability,
        StabilityAfter = after.Stability,
        DifficultyBefore = before.Difficulty,
        DifficultyAfter = after.Difficulty,
        DueBefore = before.Due.UtcDateTime,
        DueAfter = after.Due.UtcDateTime,
        ScheduledDaysBefore = before.ScheduledDays,
        LearningStepsBefore = before.LearningSteps,
        RepsBefore = before.Reps,
        LapsesBefore = before.Lapses,
        LastReviewBefore = before.LastReview?.UtcDateTime,
        ElapsedDaysBefore = before.ElapsedDays,
        LeechBefore = leechBefore,
    };

    private static string AlreadyRated(Question question, ReviewCard? current) =>
        current?.LastReview is { } last
            ? $"{question.Id} was already rated at {last:HH:mm:ss} UTC, probably in another tab, so this rating was not applied and the card was not scheduled twice. Reload to continue."
            : $"{question.Id} changed in another tab (suspended, buried or undone); this rating was not applied. Reload to continue.";

    /// <summary>A fixed seed per user and question, so the fuzzed interval on a button is the one the rating gives.</summary>
    public static ulong FuzzSeed(string userId, string questionId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in userId + "\n" + questionId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
