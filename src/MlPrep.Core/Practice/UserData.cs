using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Interviews;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Storage;

namespace MlPrep.Core.Practice;

/// <summary>All of one user's data, as written to and read from an export file.</summary>
/// <remarks>Rows are identified by content, not by database ids (decks by name, logs by time and question), so an
/// export imports into any database, SQLite or PostgreSQL, and exporting again gives the same document.</remarks>
public sealed record UserDataFile
{
    public const string FormatName = "mlprep-user-data";
    public const int CurrentVersion = 1;

    public string Format { get; init; } = FormatName;
    public int Version { get; init; } = CurrentVersion;
    public DateTimeOffset ExportedAt { get; init; }
    public PracticeSettingsData? Settings { get; init; }
    public List<DeckData> Decks { get; init; } = [];
    public List<CardData> Cards { get; init; } = [];
    public List<ReviewLogData> ReviewLogs { get; init; } = [];
    public List<MockSessionData> MockSessions { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        AllowTrailingCommas = false,
    };
}

public sealed record PracticeSettingsData(double DesiredRetention, int NewPerDay, string LearningSteps, string RelearningSteps, int MaximumInterval, bool Fuzz, int LeechThreshold);

public sealed record DeckData(string Name, string Filter, DateTime CreatedAt);

public sealed record CardData(string QuestionId, CardState State, DateTime Due, double Stability, double Difficulty, int ScheduledDays, int LearningSteps,
    int Reps, int Lapses, DateTime? LastReview, int ElapsedDays, bool Suspended, DateTime? BuriedUntil, bool Leech, DateTime? QueuedAt, DateTime UpdatedAt);

public sealed record ReviewLogData(string QuestionId, DateTime ReviewedAt, Rating Rating, int ElapsedDays, int ScheduledDays, int DurationSeconds,
    List<int> KeyPointsTicked, int KeyPointsTotal, string? Deck, CardState StateBefore, CardState StateAfter, double StabilityBefore, double StabilityAfter,
    double DifficultyBefore, double DifficultyAfter, DateTime DueBefore, DateTime DueAfter, int ScheduledDaysBefore, int LearningStepsBefore,
    int RepsBefore, int LapsesBefore, DateTime? LastReviewBefore, int ElapsedDaysBefore, bool LeechBefore, DateTime? UndoneAt);

public sealed record MockSessionData(MockRound Round, Track? Track, Level? Level, DateTime StartedAt, DateTime? EndedAt, List<MockAnswerData> Answers);

public sealed record MockAnswerData(int Position, string QuestionId, string Section, string? FollowUpOf, int TimeBoxSeconds, int ElapsedSeconds,
    DateTime? RunningSince, string Notes, DateTime? DoneAt, List<int> KeyPointsTicked, int KeyPointsTotal, int? Score, DateTime? CompletedAt);

/// <summary>Exports a user's reviews, cards, decks, settings and mock interviews, and imports them back.</summary>
public sealed class UserDataService(MlPrepDb db, TimeProvider time)
{
    public async Task<UserDataFile> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        var settings = await db.PracticeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var decks = await db.Decks.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var deckNames = decks.ToDictionary(d => d.Id, d => d.Name);
        var cards = await db.ReviewCards.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.QuestionId).ToListAsync(cancellationToken);
        var logs = await db.ReviewLogs.AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var sessions = await db.MockSessions.AsNoTracking().Include(s => s.Answers).Where(s => s.UserId == userId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return new UserDataFile
        {
            ExportedAt = time.GetUtcNow(),
            Settings = settings is null ? null : new(settings.DesiredRetention, settings.NewPerDay, settings.LearningSteps, settings.RelearningSteps, settings.MaximumInterval, settings.Fuzz, settings.LeechThreshold),
            Decks = [.. decks.Select(d => new DeckData(d.Name, d.Filter, d.CreatedAt))],
            Cards = [.. cards.Select(c => new CardData(c.QuestionId, c.State, c.Due, c.Stability, c.Difficulty, c.ScheduledDays, c.LearningSteps, c.Reps, c.Lapses, c.LastReview, c.ElapsedDays, c.Suspended, c.BuriedUntil, c.Leech, c.QueuedAt, c.UpdatedAt))],
            ReviewLogs = [.. logs.Select(l => new ReviewLogData(l.QuestionId, l.ReviewedAt, l.Rating, l.ElapsedDays, l.ScheduledDays, l.DurationSeconds, l.KeyPointsTicked, l.KeyPointsTotal,
                l.DeckId is { } id ? deckNames.GetValueOrDefault(id) : null, l.StateBefore, l.StateAfter, l.StabilityBefore, l.StabilityAfter, l.DifficultyBefore, l.DifficultyAfter,
                l.DueBefore, l.DueAfter, l.ScheduledDaysBefore, l.LearningStepsBefore, l.RepsBefore, l.LapsesBefore, l.LastReviewBefore, l.ElapsedDaysBefore, l.LeechBefore, l.UndoneAt))],
            MockSessions = [.. sessions.Select(s => new MockSessionData(s.Round, s.Track, s.Level, s.StartedAt, s.EndedAt, [.. s.Answers.OrderBy(a => a.Position).Select(a =>
                new MockAnswerData(a.Position, a.QuestionId, a.Section, a.FollowUpOf, a.TimeBoxSeconds, a.ElapsedSeconds, a.RunningSince, a.Notes, a.DoneAt, a.KeyPointsTicked, a.KeyPointsTotal, a.Score, a.CompletedAt))]))],
        };
    }

    /// <summary>Reads an export file; returns the problems found (nothing is imported when there are any).</summary>
    public static async Task<(UserDataFile? File, List<string> Errors)> ReadAsync(Stream json, CancellationToken cancellationToken = default)
    {
        try
        {
            var file = await JsonSerializer.DeserializeAsync<UserDataFile>(json, UserDataFile.Json, cancellationToken);
            if (file is null || file.Format != UserDataFile.FormatName)
            {
                return (null, [$"This is not an MlPrep export (the \"format\" field must be \"{UserDataFile.FormatName}\")."]);
            }

            return file.Version > UserDataFile.CurrentVersion
                ? (null, [$"The export is version {file.Version}; this MlPrep reads up to version {UserDataFile.CurrentVersion}. Update MlPrep first."])
                : (file, []);
        }
        catch (JsonException e)
        {
            return (null, [$"The file is not valid JSON for an MlPrep export: {e.Message}"]);
        }
    }

    /// <summary>Replaces all of the user's practice data with the file's, in one transaction; returns the problems found (nothing changes when there are any).</summary>
    public async Task<List<string>> ImportAsync(string userId, UserDataFile file, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var referenced = file.Cards.Select(c => c.QuestionId).Concat(file.ReviewLogs.Select(l => l.QuestionId))
            .Concat(file.MockSessions.SelectMany(s => s.Answers.Select(a => a.QuestionId))).Distinct().ToList();
        var known = (await db.Questions.AsNoTracking().Where(q => referenced.Contains(q.Id)).Select(q => q.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var unknown = referenced.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"The export refers to {unknown.Count} question(s) this bank has never had: {string.Join(", ", unknown.Take(10))}{(unknown.Count > 10 ? ", ..." : "")}.");
        }

        var duplicateDecks = file.Decks.GroupBy(d => d.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicateDecks.Count > 0)
        {
            errors.Add($"Deck names must be unique: {string.Join(", ", duplicateDecks)}.");
        }

        if (file.Cards.GroupBy(c => c.QuestionId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add($"Question {twice.Key} has two cards.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.MockSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ReviewLogs.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ReviewCards.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Decks.Where(d => d.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.PracticeSettings.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

        if (file.Settings is { } s)
        {
            db.PracticeSettings.Add(new PracticeSettings { UserId = userId, DesiredRetention = s.DesiredRetention, NewPerDay = s.NewPerDay, LearningSteps = s.LearningSteps, RelearningSteps = s.RelearningSteps, MaximumInterval = s.MaximumInterval, Fuzz = s.Fuzz, LeechThreshold = s.LeechThreshold, UpdatedAt = time.GetUtcNow().UtcDateTime });
        }

        var decks = file.Decks.Select(d => new Deck { UserId = userId, Name = d.Name, Filter = d.Filter, CreatedAt = d.CreatedAt }).ToList();
        db.Decks.AddRange(decks);
        await db.SaveChangesAsync(cancellationToken);
        var deckIds = decks.ToDictionary(d => d.Name, d => d.Id);

        db.ReviewCards.AddRange(file.Cards.Select(c => new ReviewCard
        {
            UserId = userId, QuestionId = c.QuestionId, State = c.State, Due = c.Due, Stability = c.Stability, Difficulty = c.Difficulty, ScheduledDays = c.ScheduledDays,
            LearningSteps = c.LearningSteps, Reps = c.Reps, Lapses = c.Lapses, LastReview = c.LastReview, ElapsedDays = c.ElapsedDays, Suspended = c.Suspended,
            BuriedUntil = c.BuriedUntil, Leech = c.Leech, QueuedAt = c.QueuedAt, UpdatedAt = c.UpdatedAt, Version = 1,
        }));
        db.ReviewLogs.AddRange(file.ReviewLogs.Select(l => new ReviewLog
        {
            UserId = userId, QuestionId = l.QuestionId, ReviewedAt = l.ReviewedAt, Rating = l.Rating, ElapsedDays = l.ElapsedDays, ScheduledDays = l.ScheduledDays,
            DurationSeconds = l.DurationSeconds, KeyPointsTicked = l.KeyPointsTicked, KeyPointsTotal = l.KeyPointsTotal, DeckId = l.Deck is { } name ? deckIds.GetValueOrDefault(name) : null,
            StateBefore = l.StateBefore, StateAfter = l.StateAfter, StabilityBefore = l.StabilityBefore, StabilityAfter = l.StabilityAfter, DifficultyBefore = l.DifficultyBefore,
            DifficultyAfter = l.DifficultyAfter, DueBefore = l.DueBefore, DueAfter = l.DueAfter, ScheduledDaysBefore = l.ScheduledDaysBefore, LearningStepsBefore = l.LearningStepsBefore,
            RepsBefore = l.RepsBefore, LapsesBefore = l.LapsesBefore, LastReviewBefore = l.LastReviewBefore, ElapsedDaysBefore = l.ElapsedDaysBefore, LeechBefore = l.LeechBefore, UndoneAt = l.UndoneAt,
        }));
        // The card's last rating and coverage are derived from the log, as rating and undo keep them.
        var lastReviews = file.ReviewLogs.Where(l => l.UndoneAt is null).GroupBy(l => l.QuestionId).ToDictionary(g => g.Key, g => g.Last());
        foreach (var card in db.ReviewCards.Local.Where(c => c.UserId == userId))
        {
            if (lastReviews.TryGetValue(card.QuestionId, out var lastReview))
            {
                card.LastRating = lastReview.Rating;
                card.LastCoverage = ReviewService.Coverage(lastReview.KeyPointsTicked.Count, lastReview.KeyPointsTotal);
            }
        }

        db.MockSessions.AddRange(file.MockSessions.Select(m => new MockSession
        {
            UserId = userId, Round = m.Round, Track = m.Track, Level = m.Level, StartedAt = m.StartedAt, EndedAt = m.EndedAt,
            Answers = [.. m.Answers.Select(a => new MockAnswer
            {
                UserId = userId, Position = a.Position, QuestionId = a.QuestionId, Section = a.Section, FollowUpOf = a.FollowUpOf, TimeBoxSeconds = a.TimeBoxSeconds,
                ElapsedSeconds = a.ElapsedSeconds, RunningSince = a.RunningSince, Notes = a.Notes, DoneAt = a.DoneAt, KeyPointsTicked = a.KeyPointsTicked,
                KeyPointsTotal = a.KeyPointsTotal, Score = a.Score, CompletedAt = a.CompletedAt,
            })],
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return errors;
    }
}
