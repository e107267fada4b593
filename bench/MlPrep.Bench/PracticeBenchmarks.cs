using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Practice;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;

namespace MlPrep.Bench;

/// <summary>Spaced review for a heavy user: choosing the next card, recording a rating, and the dashboard's
/// data, with 100,000 review-log rows for that user (target: median under 5 ms, 5 ms and 100 ms).</summary>
/// <remarks>The real bank on SQLite; every question has a card in review, about half of them due, and the
/// log holds 100,000 ratings spread over the past two years. Timed one call per iteration (<see cref="LatencyConfig"/>).</remarks>
[Config(typeof(LatencyConfig))]
public class PracticeBenchmarks
{
    private const int LogRows = 100_000;
    private MlPrepDb? _db;
    private ReviewService? _review;
    private ProgressService? _progress;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var clock = Stopwatch.StartNew();
        var bank = new ContentLoader(TimeProvider.System).Load(ContentRoot.Find()).Bank;
        var folder = Directory.CreateTempSubdirectory("mlprep-bench-practice-").FullName;
        _db = new StorageOptions { DataFolder = folder }.CreateDb(_ => null);
        await _db.Database.MigrateAsync();
        await new ContentSync(_db, TimeProvider.System).SyncAsync(bank);
        await SeedAsync(_db, bank, DateTimeOffset.UtcNow);
        _review = new ReviewService(_db, bank, new QuestionSearch(_db, bank), TimeProvider.System);
        _progress = new ProgressService(_db, bank, TimeProvider.System);
        Console.WriteLine($"// practice database: {bank.Questions.Length} questions, {await _db.ReviewLogs.CountAsync()} review-log rows, built in {clock.Elapsed.TotalSeconds:F1} s");
        for (var i = 0; i < 20; i++)
        {
            await NextCard();
            await Dashboard();
        }

        for (var i = 0; i < 10; i++)
        {
            ChooseCardToRate();
            await RecordRating();
        }

        await Task.Delay(200);
    }

    [Benchmark(Description = "review: choose the next card (100k log rows)")]
    public Task<ReviewItem?> NextCard() => Review.NextAsync(Users.Local);

    private ReviewItem? _due;

    /// <summary>The card the next rating is for, chosen outside the timed call.</summary>
    [IterationSetup(Target = nameof(RecordRating))]
    public void ChooseCardToRate() => _due = Review.NextAsync(Users.Local).GetAwaiter().GetResult() ?? throw new InvalidOperationException("no card due");

    [Benchmark(Description = "review: record a rating (100k log rows)")]
    public Task<RatingResult> RecordRating()
    {
        var item = _due ?? throw new InvalidOperationException("no card chosen");
        return Review.RateAsync(Users.Local, new RatingRequest(item.Question.Id, Rating.Good, item.Version, 30, [0]));
    }

    [Benchmark(Description = "progress: dashboard data (100k log rows)")]
    public Task<ProgressReport> Dashboard() => (_progress ?? throw new InvalidOperationException()).ReportAsync(Users.Local, TargetLevel.Senior);

    private ReviewService Review => _review ?? throw new InvalidOperationException("GlobalSetup has not run");

    /// <summary>Creates a practice database like the benchmark's in <paramref name="folder"/> (for the page load script).</summary>
    public static async Task<int> CreateAsync(string folder)
    {
        var bank = new ContentLoader(TimeProvider.System).Load(ContentRoot.Find()).Bank;
        Directory.CreateDirectory(folder);
        await using var db = new StorageOptions { DataFolder = folder }.CreateDb(_ => null);
        await db.Database.MigrateAsync();
        await new ContentSync(db, TimeProvider.System).SyncAsync(bank);
        await SeedAsync(db, bank, DateTimeOffset.UtcNow);
        Console.WriteLine($"practice database in {folder}: {bank.Questions.Length} questions, {await db.ReviewLogs.CountAsync()} review-log rows");
        return 0;
    }

    /// <summary>Two years of daily study for every question of the bank, ending now.</summary>
    private static async Task SeedAsync(MlPrepDb db, ContentBank bank, DateTimeOffset now)
    {
        var random = new Random(42);
        var questions = bank.Questions.Where(q => q.IsComplete).ToList();
        var nowUtc = now.UtcDateTime;
        foreach (var q in questions)
        {
            db.ReviewCards.Add(new ReviewCard
            {
                UserId = Users.Local, QuestionId = q.Id, State = CardState.Review, Stability = 5 + (random.NextDouble() * 60), Difficulty = 1 + (random.NextDouble() * 9),
                Due = nowUtc.AddHours(random.Next(-48 * 10, 24 * 10)), LastReview = nowUtc.AddDays(-random.Next(1, 30)), Reps = 150, ScheduledDays = 10, Version = 1, UpdatedAt = nowUtc,
                LastRating = (Rating)random.Next(2, 5), LastCoverage = random.NextDouble(),
            });
        }

        await db.SaveChangesAsync();
        for (var batch = 0; batch < LogRows / 10_000; batch++)
        {
            for (var i = 0; i < 10_000; i++)
            {
                var q = questions[random.Next(questions.Count)];
                var at = nowUtc.AddMinutes(-random.Next(1, 2 * 365 * 24 * 60));
                db.ReviewLogs.Add(new ReviewLog
                {
                    UserId = Users.Local, QuestionId = q.Id, ReviewedAt = at, Rating = (Rating)random.Next(1, 5), ElapsedDays = random.Next(0, 30), ScheduledDays = random.Next(1, 60),
                    DurationSeconds = random.Next(10, 300), KeyPointsTicked = [0, 1], KeyPointsTotal = q.KeyPoints.Length, StateBefore = CardState.Review, StateAfter = CardState.Review,
                    StabilityBefore = 10, StabilityAfter = 12, DifficultyBefore = 5, DifficultyAfter = 5, DueBefore = at, DueAfter = at.AddDays(10), LastReviewBefore = at.AddDays(-10),
                });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
}
