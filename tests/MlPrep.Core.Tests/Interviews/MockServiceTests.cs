using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Interviews;
using MlPrep.Core.Practice;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;
using MlPrep.Core.Tests.Storage;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Interviews;

/// <summary>Mock interviews on a real database: plans, the clock, done and grading, follow-ups, resume, the report.</summary>
public sealed class MockServiceTests : IAsyncLifetime
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
    public async Task QuickDrill_IsOneMediumAndOneHardQuestion_FiveMinutesEach(string provider)
    {
        var (mock, _, _) = await OpenAsync(provider);
        var session = await mock.StartAsync(Users.Local, MockRound.QuickDrill, Track.MlFundamentals, null, seed: 1);

        Assert.Equal(2, session.Answers.Count);
        var (medium, hard) = (Bank.Find(session.Answers[0].QuestionId)!, Bank.Find(session.Answers[1].QuestionId)!);
        Assert.InRange(medium.Difficulty, 4, 6);
        Assert.True(hard.Difficulty >= 7);
        Assert.All([medium, hard], q => Assert.Equal(Track.MlFundamentals, q.Track));
        Assert.All(session.Answers, a => Assert.Equal(300, a.TimeBoxSeconds));
        Assert.NotNull(session.Answers[0].RunningSince);
        Assert.Null(session.Answers[1].RunningSince);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Clock_PausedTimeDoesNotCount_AndOvertimeShows(string provider)
    {
        var (mock, _, _) = await OpenAsync(provider);
        var session = await mock.StartAsync(Users.Local, MockRound.QuickDrill, null, null, seed: 2);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await mock.SetClockAsync(Users.Local, session.Id, running: false));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await mock.SetClockAsync(Users.Local, session.Id, running: true));
        _time.Advance(TimeSpan.FromMinutes(4));

        var current = (await mock.GetAsync(Users.Local, session.Id))!.Current!;
        Assert.Equal(360, current.SecondsSpent(_time.GetUtcNow()));
        Assert.True(current.SecondsSpent(_time.GetUtcNow()) > current.TimeBoxSeconds);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task StrongAnswer_BringsTheFollowUp_WeakAnswerMovesOn(string provider)
    {
        var (mock, _, _) = await OpenAsync(provider);
        var session = await mock.StartAsync(Users.Local, MockRound.MlDepth, null, Level.Advanced, seed: 3);
        var first = session.Answers[0];
        Assert.NotEmpty(Bank.FollowUpsOf(Bank.Find(first.QuestionId)!));
        Assert.Equal(4, session.Answers.Count);
        Assert.Equal([Level.Intermediate, Level.Advanced, Level.Advanced, Level.Expert], session.Answers.Select(a => Bank.Find(a.QuestionId)!.Level));

        Assert.Equal("Say you are done first: the model answer is revealed before grading.", await mock.ScoreAsync(Users.Local, session.Id, 4, []));
        Assert.True(await mock.DoneAsync(Users.Local, session.Id, "bias, variance, regularization"));
        Assert.NotNull(await mock.ScoreAsync(Users.Local, session.Id, 7, []));
        Assert.Null(await mock.ScoreAsync(Users.Local, session.Id, 4, [0, 1]));

        var after = (await mock.GetAsync(Users.Local, session.Id))!;
        Assert.Equal(5, after.Answers.Count);
        var followUp = after.Current!;
        Assert.Equal(first.QuestionId, followUp.FollowUpOf);
        Assert.Contains(Bank.Find(followUp.QuestionId)!, Bank.FollowUpsOf(Bank.Find(first.QuestionId)!));
        Assert.NotNull(followUp.RunningSince);

        Assert.True(await mock.DoneAsync(Users.Local, session.Id, ""));
        Assert.Null(await mock.ScoreAsync(Users.Local, session.Id, 1, []));
        var moved = (await mock.GetAsync(Users.Local, session.Id))!;
        Assert.Equal(5, moved.Answers.Count);
        Assert.Null(moved.Current!.FollowUpOf);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Session_SurvivesARestart_AndResumesWhereItStopped(string provider)
    {
        var options = TestDatabases.Create(provider);
        long id;
        await using (var db = await ContentSyncTests.OpenAsync(options))
        {
            await new ContentSync(db, _time).SyncAsync(Bank);
            var mock = new MockService(db, Bank, _time);
            var session = await mock.StartAsync(Users.Local, MockRound.Behavioral, null, null, seed: 4);
            id = session.Id;
            await mock.DoneAsync(Users.Local, id, "Situation: our churn model...");
            await mock.ScoreAsync(Users.Local, id, 3, [0]);
            _time.Advance(TimeSpan.FromMinutes(3));
        }

        await using var reopened = await ContentSyncTests.OpenAsync(options);
        var resumed = (await new MockService(reopened, Bank, _time).GetAsync(Users.Local, id))!;
        Assert.Equal(1, resumed.Current!.Position);
        Assert.Equal("Situation: our churn model...", resumed.Answers[0].Notes);
        Assert.Equal(180, resumed.Current.SecondsSpent(_time.GetUtcNow()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Report_TimesKeyPointsTopics_AndMissedQuestionsJumpTheReviewQueue(string provider)
    {
        var (mock, review, _) = await OpenAsync(provider);
        await review.SaveSettingsAsync(new PracticeSettings { UserId = Users.Local, NewPerDay = 0 });
        var session = await mock.StartAsync(Users.Local, MockRound.QuickDrill, null, null, seed: 5);
        var (strong, weak) = (session.Answers[0].QuestionId, session.Answers[1].QuestionId);
        var strongPoints = Bank.Find(strong)!.KeyPoints.Length;

        _time.Advance(TimeSpan.FromMinutes(4));
        await mock.DoneAsync(Users.Local, session.Id, "");
        await mock.ScoreAsync(Users.Local, session.Id, 4, [.. Enumerable.Range(0, strongPoints)]);
        _time.Advance(TimeSpan.FromMinutes(7));
        await mock.DoneAsync(Users.Local, session.Id, "");
        await mock.ScoreAsync(Users.Local, session.Id, 1, [0]);

        var finished = (await mock.GetAsync(Users.Local, session.Id))!;
        Assert.True(finished.IsFinished);
        var report = MockReport.From(finished, Bank, _time.GetUtcNow());
        Assert.Equal([240, 420], report.Items.Select(i => i.SecondsSpent));
        Assert.True(report.Items[1].Overtime);
        Assert.Empty(report.Items[0].MissedPoints);
        Assert.Equal(Bank.Find(weak)!.KeyPoints.Length - 1, report.Items[1].MissedPoints.Count);
        Assert.Equal([weak], report.Missed.Select(m => m.QuestionId));
        Assert.Equal(1, report.Weakest[0].AverageScore);
        Assert.Contains(report.Weakest[0].Topic, Bank.Find(weak)!.Topics);
        Assert.Equal(2.5, report.AverageScore);

        Assert.Equal(0, (await review.CountsAsync(Users.Local)).New);
        Assert.Equal(1, await mock.QueueMissedAsync(Users.Local, session.Id));
        var next = await review.NextAsync(Users.Local);
        Assert.Equal(weak, next!.Question.Id);
        Assert.Equal(1, next.Counts.New);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DesignRound_WalksTheStagesWithTheirTimeBoxes(string provider)
    {
        var (mock, _, _) = await OpenAsync(provider);
        var session = await mock.StartAsync(Users.Local, MockRound.MlSystemDesign, null, null, seed: 6);

        var design = Bank.Find(session.Answers[0].QuestionId)!;
        Assert.Equal(QuestionFormat.Design, design.Format);
        Assert.Equal(design.Sections.Select(s => s.Name), session.Answers.Select(a => a.Section));
        Assert.InRange(session.Answers.Sum(a => a.TimeBoxSeconds) / 60, 40, 50);
        Assert.Equal(design.KeyPoints.Length, session.Answers[^1].KeyPointsTotal);
        Assert.All(session.Answers.SkipLast(1), a => Assert.Equal(0, a.KeyPointsTotal));
    }

    private async Task<(MockService Mock, ReviewService Review, MlPrepDb Db)> OpenAsync(string provider)
    {
        var db = await ContentSyncTests.OpenAsync(TestDatabases.Create(provider));
        _open.Add(db);
        await new ContentSync(db, _time).SyncAsync(Bank);
        return (new MockService(db, Bank, _time), new ReviewService(db, Bank, new QuestionSearch(db, Bank), _time), db);
    }
}
