using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Practice;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;
using MlPrep.Core.Tests.Storage;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Practice;

/// <summary>The review flow on a real database: queue order, rating, undo, suspend, bury, leeches, conflicts.</summary>
public sealed class ReviewServiceTests : IAsyncLifetime
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
    public async Task NewQuestion_GoodThenGood_LearnsThenGraduates(string provider)
    {
        var (review, _) = await OpenAsync(provider);
        var first = await review.NextAsync(Users.Local);

        Assert.NotNull(first);
        Assert.True(first.IsNew);
        Assert.Equal(Level.Beginner, first.Question.Level);
        Assert.Equal("10m", first.IntervalLabel(Rating.Good, _time.GetUtcNow()));
        Assert.Equal("1m", first.IntervalLabel(Rating.Again, _time.GetUtcNow()));

        var rated = await review.RateAsync(Users.Local, new RatingRequest(first.Question.Id, Rating.Good, first.Version, 42, [0, 2]));
        Assert.Equal(RatingStatus.Saved, rated.Status);
        Assert.Equal(CardState.Learning, rated.Card!.State);
        Assert.Equal(42, rated.Log!.DurationSeconds);
        Assert.Equal([0, 2], rated.Log.KeyPointsTicked);
        Assert.Equal(first.Question.KeyPoints.Length, rated.Log.KeyPointsTotal);

        // Within the step another new question comes first; once the step is due, the learning card does.
        var second = await review.NextAsync(Users.Local);
        Assert.NotEqual(first.Question.Id, second!.Question.Id);
        _time.Advance(TimeSpan.FromMinutes(10));
        var again = await review.NextAsync(Users.Local);
        Assert.Equal(first.Question.Id, again!.Question.Id);
        Assert.False(again.IsNew);

        var graduated = await review.RateAsync(Users.Local, new RatingRequest(again.Question.Id, Rating.Good, again.Version));
        Assert.Equal(CardState.Review, graduated.Card!.State);
        Assert.Equal(2, graduated.Card.ScheduledDays);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DailyLimit_StopsNewQuestions_UntilTheNextUtcDay(string provider)
    {
        var (review, _) = await OpenAsync(provider);
        await review.SaveSettingsAsync(new PracticeSettings { UserId = Users.Local, NewPerDay = 3 });

        for (var i = 0; i < 3; i++)
        {
            var item = await review.NextAsync(Users.Local);
            Assert.True(item!.IsNew);
            await review.RateAsync(Users.Local, new RatingRequest(item.Question.Id, Rating.Easy, item.Version));
        }

        Assert.Equal(new ReviewCounts(0, 0, 0), await review.CountsAsync(Users.Local));
        Assert.Null(await review.NextAsync(Users.Local));

        _time.Set(new DateTimeOffset(2026, 11, 24, 0, 0, 1, TimeSpan.Zero));
        Assert.Equal(3, (await review.CountsAsync(Users.Local)).New);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Undo_RestoresTheCard_AndKeepsTheLogRowMarked(string provider)
    {
        var (review, db) = await OpenAsync(provider);
        var item = await review.NextAsync(Users.Local);
        await review.RateAsync(Users.Local, new RatingRequest(item!.Question.Id, Rating.Easy, item.Version));

        var undone = await review.UndoAsync(Users.Local);

        Assert.NotNull(undone);
        var log = await db.ReviewLogs.AsNoTracking().SingleAsync();
        Assert.NotNull(log.UndoneAt);
        var card = await db.ReviewCards.AsNoTracking().SingleAsync();
        Assert.Equal(CardState.New, card.State);
        Assert.Equal(0, card.Reps);
        var next = await review.NextAsync(Users.Local);
        Assert.Equal(item.Question.Id, next!.Question.Id);
        Assert.True(next.IsNew);
        Assert.Null(await review.UndoAsync(Users.Local));

        // The version shown with the restored question is the stored one, so rating it again is accepted.
        Assert.Equal(card.Version, next.Version);
        Assert.Equal(RatingStatus.Saved, (await review.RateAsync(Users.Local, new RatingRequest(next.Question.Id, Rating.Good, next.Version))).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SuspendAndBury_TakeTheQuestionOutOfReview(string provider)
    {
        var (review, _) = await OpenAsync(provider);
        var first = (await review.NextAsync(Users.Local))!.Question.Id;
        Assert.True(await review.SuspendAsync(Users.Local, first, suspend: true));
        var second = (await review.NextAsync(Users.Local))!.Question.Id;
        Assert.NotEqual(first, second);

        Assert.True(await review.BuryAsync(Users.Local, second));
        var third = (await review.NextAsync(Users.Local))!.Question.Id;
        Assert.DoesNotContain(third, new[] { first, second });

        _time.Advance(TimeSpan.FromDays(1));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var item = (await review.NextAsync(Users.Local))!;
            ids.Add(item.Question.Id);
            await review.RateAsync(Users.Local, new RatingRequest(item.Question.Id, Rating.Easy, item.Version));
        }

        Assert.Contains(second, ids);
        Assert.DoesNotContain(first, ids);
        Assert.False(await review.SuspendAsync(Users.Local, "NOPE-001", suspend: true));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RepeatedLapses_TagTheCardAsLeech(string provider)
    {
        var (review, _) = await OpenAsync(provider);
        await review.SaveSettingsAsync(new PracticeSettings { UserId = Users.Local, LeechThreshold = 2, Fuzz = false });
        var id = (await review.NextAsync(Users.Local))!.Question.Id;
        await Rate(review, id, Rating.Easy);
        for (var lapse = 1; lapse <= 2; lapse++)
        {
            _time.Advance(TimeSpan.FromDays(30));
            var result = await Rate(review, id, Rating.Again);
            Assert.Equal(lapse, result.Card!.Lapses);
            Assert.Equal(lapse == 2, result.Card.Leech);
            _time.Advance(TimeSpan.FromMinutes(10));
            await Rate(review, id, Rating.Good);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TwoTabsRatingTheSameCard_SecondGetsAConflict_ScheduleRatedOnce(string provider)
    {
        var (review, db) = await OpenAsync(provider);
        var shownInBothTabs = (await review.NextAsync(Users.Local))!;

        var firstTab = await review.RateAsync(Users.Local, new RatingRequest(shownInBothTabs.Question.Id, Rating.Good, shownInBothTabs.Version));
        var secondTab = await review.RateAsync(Users.Local, new RatingRequest(shownInBothTabs.Question.Id, Rating.Easy, shownInBothTabs.Version));

        Assert.Equal(RatingStatus.Saved, firstTab.Status);
        Assert.Equal(RatingStatus.Conflict, secondTab.Status);
        Assert.Contains("another tab", secondTab.Message, StringComparison.Ordinal);
        var card = await db.ReviewCards.AsNoTracking().SingleAsync();
        Assert.Equal(1, card.Reps);
        Assert.Equal(CardState.Learning, card.State);
        Assert.Equal(1, await db.ReviewLogs.CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ConcurrentRatingsFromTwoContexts_NeverScheduleACardTwiceForOneVersion(string provider)
    {
        var options = TestDatabases.Create(provider);
        var (first, _) = await OpenAsync(provider, options);
        var (second, _) = await OpenAsync(provider, options);
        var id = (await first.NextAsync(Users.Local))!.Question.Id;
        await using var check = await ContentSyncTests.OpenAsync(options);

        for (var round = 0; round < 5; round++)
        {
            // Both tabs show the card at the version stored now, then rate it at the same moment.
            var version = await check.ReviewCards.AsNoTracking().Where(c => c.QuestionId == id).Select(c => c.Version).FirstOrDefaultAsync();
            var results = await Task.WhenAll(
                Task.Run(() => first.RateAsync(Users.Local, new RatingRequest(id, Rating.Again, version))),
                Task.Run(() => second.RateAsync(Users.Local, new RatingRequest(id, Rating.Again, version))));

            Assert.Equal(1, results.Count(r => r.Status == RatingStatus.Saved));
            Assert.All(results.Where(r => r.Status != RatingStatus.Saved), r => Assert.Equal(RatingStatus.Conflict, r.Status));
        }

        var card = await check.ReviewCards.AsNoTracking().SingleAsync(c => c.QuestionId == id);
        Assert.Equal(5, card.Reps);
        Assert.Equal(5, await check.ReviewLogs.CountAsync(l => l.QuestionId == id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DeckFilter_OffersOnlyItsQuestions(string provider)
    {
        var (review, _) = await OpenAsync(provider);
        var deck = new QuestionQuery { Tracks = [Track.Sql] };
        var seen = new HashSet<string>();
        while (await review.NextAsync(Users.Local, deck) is { IsNew: true } item && seen.Add(item.Question.Id))
        {
            Assert.Equal(Track.Sql, item.Question.Track);
            await review.RateAsync(Users.Local, new RatingRequest(item.Question.Id, Rating.Easy, item.Version));
        }

        Assert.Equal(Math.Min(10, Bank.Questions.Count(q => q.Track == Track.Sql)), seen.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task BadRatings_AreRefusedWithAReason(string provider)
    {
        var (review, _) = await OpenAsync(provider);
        var id = (await review.NextAsync(Users.Local))!.Question.Id;

        Assert.Equal(RatingStatus.NotFound, (await review.RateAsync(Users.Local, new RatingRequest("ML-9999", Rating.Good))).Status);
        Assert.Equal(RatingStatus.Invalid, (await review.RateAsync(Users.Local, new RatingRequest(id, (Rating)7))).Status);
        var badPoint = await review.RateAsync(Users.Local, new RatingRequest(id, Rating.Good, KeyPointsTicked: [99]));
        Assert.Equal(RatingStatus.Invalid, badPoint.Status);
        Assert.Contains("between 1 and", badPoint.Message, StringComparison.Ordinal);
        Assert.NotEmpty(await review.SaveSettingsAsync(new PracticeSettings { UserId = Users.Local, DesiredRetention = 1.5, LearningSteps = "1x" }));
    }

    /// <summary>A week of daily study on the fake clock: the stored schedule is exactly what replaying the review log through FSRS gives.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task AWeekOfStudy_ScheduleEqualsReplayOfTheLog(string provider)
    {
        var (review, db) = await OpenAsync(provider);
        await review.SaveSettingsAsync(new PracticeSettings { UserId = Users.Local, NewPerDay = 5 });
        var start = _time.GetUtcNow();
        var rng = new Random(7);
        for (var day = 0; day < 7; day++)
        {
            _time.Set(start.AddDays(day));
            for (var n = 0; n < 40 && await review.NextAsync(Users.Local) is { } item; n++)
            {
                var rating = rng.Next(10) switch { 0 => Rating.Again, 1 => Rating.Hard, 9 => Rating.Easy, _ => Rating.Good };
                Assert.Equal(RatingStatus.Saved, (await review.RateAsync(Users.Local, new RatingRequest(item.Question.Id, rating, item.Version, 30))).Status);
                _time.Advance(TimeSpan.FromMinutes(2));
            }
        }

        var settings = await review.SettingsAsync(Users.Local);
        var scheduler = new FsrsScheduler(settings.ToFsrsOptions());
        var logs = await db.ReviewLogs.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
        var cards = await db.ReviewCards.AsNoTracking().ToListAsync();
        Assert.Equal(35, cards.Count);
        foreach (var card in cards)
        {
            var replay = FsrsCard.New(start);
            foreach (var log in logs.Where(l => l.QuestionId == card.QuestionId))
            {
                replay = scheduler.Next(replay, log.ReviewedAt.AsUtcInstant(), log.Rating, ReviewService.FuzzSeed(Users.Local, card.QuestionId));
            }

            Assert.Equal(replay.Due, card.Due.AsUtcInstant());
            Assert.Equal(replay.Stability, card.Stability, 10);
            Assert.Equal(replay.State, card.State);
        }
    }

    private async Task<RatingResult> Rate(ReviewService review, string id, Rating rating)
    {
        var result = await review.RateAsync(Users.Local, new RatingRequest(id, rating));
        Assert.Equal(RatingStatus.Saved, result.Status);
        return result;
    }

    private async Task<(ReviewService Review, MlPrepDb Db)> OpenAsync(string provider, StorageOptions? options = null)
    {
        var db = await ContentSyncTests.OpenAsync(options ?? TestDatabases.Create(provider));
        _open.Add(db);
        await new ContentSync(db, _time).SyncAsync(Bank);
        return (new ReviewService(db, Bank, new QuestionSearch(db, Bank), _time), db);
    }
}
