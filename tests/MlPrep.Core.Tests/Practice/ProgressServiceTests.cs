using MlPrep.Core.Content;
using MlPrep.Core.Practice;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;
using MlPrep.Core.Tests.Storage;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Practice;

/// <summary>The dashboard's numbers on histories whose answers are known in advance.</summary>
public sealed class ProgressServiceTests : IAsyncLifetime
{
    private static readonly ContentBank Bank = ContentSyncTests.LoadBundled();
    private readonly List<MlPrepDb> _open = [];
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Providers => TestDatabases.Providers;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _open)
        {
            await db.DisposeAsync();
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task EmptyHistory_ReadsAsNothingYet(string provider)
    {
        var (_, progress) = await OpenAsync(provider);
        var report = await progress.ReportAsync(Users.Local, TargetLevel.Senior);

        Assert.Empty(report.ReviewsPerDay);
        Assert.Equal(0, report.Streak);
        Assert.Null(report.PredictedRetention);
        Assert.Null(report.ActualRetention);
        Assert.Equal(Bank.Questions.Count(q => q.IsComplete), report.ByState[CardState.New]);
        Assert.Equal(0, report.Readiness.Known);
        Assert.Equal(Bank.Questions.Count(q => q.IsComplete && q.Level is Level.Intermediate or Level.Advanced), report.Readiness.Total);
        Assert.Contains(report.Readiness.NextSteps, s => s.Contains("60% bar", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task KnownHistory_GivesExactCountsStreakForecastAndReadiness(string provider)
    {
        var (review, progress) = await OpenAsync(provider);
        await review.SaveSettingsAsync(new PracticeSettings { UserId = Users.Local, NewPerDay = 0, Fuzz = false });
        var intermediate = Bank.Questions.Where(q => q.IsComplete && q.Level == Level.Intermediate).Take(6).ToList();
        var advanced = Bank.Questions.Where(q => q.IsComplete && q.Level == Level.Advanced).Take(4).ToList();

        // Day 1: six intermediate questions Easy with every key point; two advanced Easy with one key point; two advanced Again.
        foreach (var q in intermediate)
        {
            await Rate(review, q, Rating.Easy, [.. Enumerable.Range(0, q.KeyPoints.Length)]);
        }

        await Rate(review, advanced[0], Rating.Easy, [0]);
        await Rate(review, advanced[1], Rating.Easy, [0]);
        await Rate(review, advanced[2], Rating.Again, []);
        await Rate(review, advanced[3], Rating.Again, []);

        // Days 2 and 3 keep the streak. advanced[2] climbs its second learning step and graduates with Good and
        // every point; advanced[3] is rated Hard, which repeats a learning step.
        _time.Advance(TimeSpan.FromDays(1));
        await Rate(review, advanced[2], Rating.Good, [.. Enumerable.Range(0, advanced[2].KeyPoints.Length)]);
        _time.Advance(TimeSpan.FromMinutes(10));
        await Rate(review, advanced[2], Rating.Good, [.. Enumerable.Range(0, advanced[2].KeyPoints.Length)]);
        _time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(10));
        await Rate(review, advanced[3], Rating.Hard, [.. Enumerable.Range(0, advanced[3].KeyPoints.Length)]);

        var report = await progress.ReportAsync(Users.Local, TargetLevel.Senior);

        var day1 = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(-2);
        Assert.Equal(new Dictionary<DateOnly, int> { [day1] = 10, [day1.AddDays(1)] = 2, [day1.AddDays(2)] = 1 }, report.ReviewsPerDay);
        Assert.Equal(3, report.Streak);
        Assert.Equal(9, report.ByState[CardState.Review]);
        Assert.Equal(1, report.ByState[CardState.Learning]);
        Assert.Equal(10, report.DueForecast.Sum());

        // Known: the six intermediate ones (Easy, all points, recall after 2 days of an 8-day stability ≥ 0.85) and advanced[2]
        // (Good, all points, graduated yesterday). Not known: advanced[0..1] (one key point each) and advanced[3] (still learning).
        Assert.Equal(7, report.Readiness.Known);
        Assert.Equal(Bank.Questions.Count(q => q.IsComplete && q.Level is Level.Intermediate or Level.Advanced), report.Readiness.Total);
        Assert.Equal(6, report.ByLevel.Single(m => m.Name == "intermediate").Known);
        Assert.Equal(1, report.ByLevel.Single(m => m.Name == "advanced").Known);
        Assert.Equal(7, report.ByTrack.Sum(m => m.Known));
        Assert.Null(report.ActualRetention);
        Assert.InRange(report.PredictedRetention!.Value, 0.85, 1);

        // Two weeks later the intermediate cards come due; failing one of them makes actual retention 5/6.
        _time.Advance(TimeSpan.FromDays(14));
        for (var i = 0; i < 6; i++)
        {
            await Rate(review, intermediate[i], i == 0 ? Rating.Again : Rating.Good, [.. Enumerable.Range(0, intermediate[i].KeyPoints.Length)]);
        }

        var later = await progress.ReportAsync(Users.Local, TargetLevel.Senior);
        Assert.Equal(5.0 / 6, later.ActualRetention!.Value, 10);
        Assert.Equal(6, later.ActualRetentionReviews);
        Assert.Equal(1, later.Streak);
    }

    private async Task Rate(ReviewService review, Question q, Rating rating, int[] ticked)
    {
        var result = await review.RateAsync(Users.Local, new RatingRequest(q.Id, rating, KeyPointsTicked: ticked));
        Assert.Equal(RatingStatus.Saved, result.Status);
    }

    private async Task<(ReviewService Review, ProgressService Progress)> OpenAsync(string provider)
    {
        var db = await ContentSyncTests.OpenAsync(TestDatabases.Create(provider));
        _open.Add(db);
        await new ContentSync(db, _time).SyncAsync(Bank);
        return (new ReviewService(db, Bank, new QuestionSearch(db, Bank), _time), new ProgressService(db, Bank, _time));
    }
}
