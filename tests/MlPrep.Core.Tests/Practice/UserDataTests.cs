using System.Text;
using System.Text.Json;
using MlPrep.Core.Content;
using MlPrep.Core.Interviews;
using MlPrep.Core.Practice;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;
using MlPrep.Core.Tests.Storage;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Practice;

/// <summary>Export and import of a user's data: a lossless round trip, across providers, and refusals that change nothing.</summary>
public sealed class UserDataTests : IAsyncLifetime
{
    private static readonly ContentBank Bank = ContentSyncTests.LoadBundled();
    private readonly List<MlPrepDb> _open = [];
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string> ProviderPairs
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var from in TestDatabases.Names)
            {
                foreach (var to in TestDatabases.Names)
                {
                    data.Add(from, to);
                }
            }

            return data;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _open)
        {
            await db.DisposeAsync();
        }
    }

    [Theory, MemberData(nameof(ProviderPairs))]
    public async Task ExportImportExport_IsLossless(string from, string to)
    {
        var source = await OpenAsync(from);
        await BuildHistoryAsync(source);
        var first = await new UserDataService(source, _time).ExportAsync(Users.Local);
        Assert.NotEmpty(first.ReviewLogs);
        Assert.NotEmpty(first.MockSessions);
        Assert.Contains(first.ReviewLogs, l => l.UndoneAt is not null);
        Assert.Contains(first.ReviewLogs, l => l.Deck == "SQL");

        var target = await OpenAsync(to);
        var text = JsonSerializer.Serialize(first, UserDataFile.Json);
        var (read, readErrors) = await UserDataService.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.Empty(readErrors);
        Assert.Empty(await new UserDataService(target, _time).ImportAsync(Users.Local, read!));
        var second = await new UserDataService(target, _time).ExportAsync(Users.Local);

        Assert.Equal(text, JsonSerializer.Serialize(second, UserDataFile.Json));

        // The imported history behaves: the next review continues from the same schedule.
        var review = new ReviewService(target, Bank, new QuestionSearch(target, Bank), _time);
        var sourceNext = await new ReviewService(source, Bank, new QuestionSearch(source, Bank), _time).NextAsync(Users.Local);
        var targetNext = await review.NextAsync(Users.Local);
        Assert.Equal(sourceNext?.Question.Id, targetNext?.Question.Id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task BadFiles_AreRefused_AndNothingChanges(string provider)
    {
        var db = await OpenAsync(provider);
        await BuildHistoryAsync(db);
        var service = new UserDataService(db, _time);
        var before = JsonSerializer.Serialize(await service.ExportAsync(Users.Local), UserDataFile.Json);

        Assert.Contains("not valid JSON", (await UserDataService.ReadAsync(Stream("{ \"format\": "))).Errors.Single(), StringComparison.Ordinal);
        Assert.Contains("not an MlPrep export", (await UserDataService.ReadAsync(Stream("{ \"format\": \"anki\" }"))).Errors.Single(), StringComparison.Ordinal);
        Assert.Contains("version 9", (await UserDataService.ReadAsync(Stream("{ \"format\": \"mlprep-user-data\", \"version\": 9 }"))).Errors.Single(), StringComparison.Ordinal);

        var file = await service.ExportAsync(Users.Local);
        var broken = file with { Cards = [.. file.Cards, file.Cards[0] with { QuestionId = "ZZ-999" }] };
        var errors = await service.ImportAsync(Users.Local, broken);
        Assert.Contains(errors, e => e.Contains("ZZ-999", StringComparison.Ordinal));
        Assert.Equal(before, JsonSerializer.Serialize(await service.ExportAsync(Users.Local), UserDataFile.Json));
    }

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task BuildHistoryAsync(MlPrepDb db)
    {
        var review = new ReviewService(db, Bank, new QuestionSearch(db, Bank), _time);
        await review.SaveSettingsAsync(new PracticeSettings { UserId = Users.Local, NewPerDay = 4, DesiredRetention = 0.85 });
        db.Decks.Add(new Deck { UserId = Users.Local, Name = "SQL", Filter = "track=sql", CreatedAt = _time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        var deckId = db.Decks.Single().Id;
        for (var day = 0; day < 3; day++)
        {
            for (var n = 0; n < 6 && await review.NextAsync(Users.Local) is { } item; n++)
            {
                await review.RateAsync(Users.Local, new RatingRequest(item.Question.Id, (Rating)(1 + (n % 4)), item.Version, 20 + n, [0], item.Question.Track == Track.Sql ? deckId : null));
                _time.Advance(TimeSpan.FromMinutes(3));
            }

            _time.Advance(TimeSpan.FromDays(1));
        }

        var sqlItem = await review.NextAsync(Users.Local, new QuestionQuery { Tracks = [Track.Sql] });
        await review.RateAsync(Users.Local, new RatingRequest(sqlItem!.Question.Id, Rating.Good, sqlItem.Version, 30, [0, 1], deckId));
        await review.RateAsync(Users.Local, new RatingRequest((await review.NextAsync(Users.Local))!.Question.Id, Rating.Hard));
        await review.UndoAsync(Users.Local);
        await review.SuspendAsync(Users.Local, Bank.Questions[^1].Id, suspend: true);

        var mock = new MockService(db, Bank, _time);
        var session = await mock.StartAsync(Users.Local, MockRound.QuickDrill, null, null, seed: 9);
        await mock.DoneAsync(Users.Local, session.Id, "notes, with \"quotes\" and ünïcode");
        await mock.ScoreAsync(Users.Local, session.Id, 3, [0]);
    }

    private async Task<MlPrepDb> OpenAsync(string provider)
    {
        var db = await ContentSyncTests.OpenAsync(TestDatabases.Create(provider));
        _open.Add(db);
        await new ContentSync(db, _time).SyncAsync(Bank);
        return db;
    }
}
