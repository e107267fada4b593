using Microsoft.EntityFrameworkCore;
using MlPrep.Cli.Tests.Support;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Storage;
using MlPrep.Tests.Shared;

namespace MlPrep.Cli.Tests.Review;

/// <summary><c>mlprep review</c> driven by typed input, on the same database the web app would use.</summary>
public sealed class ReviewCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("mlprep-cli-review-").FullName;
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private Dictionary<string, string> Variables => new() { ["MLPREP_DATA"] = _data };

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Review_RevealTickRate_WritesTheLogAndSchedules()
    {
        var run = await CliRun.Interactive("\n1 2\n3\n\n\n4\n", Variables, _time, "review", "--track", "sql", "--limit", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(new)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Key points", run.Out, StringComparison.Ordinal);
        Assert.Contains("3 Good (10m)", run.Out, StringComparison.Ordinal);
        Assert.Contains("comes back in 10m", run.Out, StringComparison.Ordinal);
        Assert.Contains("Stopped: 2 rated this session.", run.Out, StringComparison.Ordinal);

        await using var db = new StorageOptions { DataFolder = _data }.CreateDb(_ => null);
        var logs = await db.ReviewLogs.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
        Assert.Equal(2, logs.Count);
        Assert.Equal([Rating.Good, Rating.Easy], logs.Select(l => l.Rating));
        Assert.Equal([0, 1], logs[0].KeyPointsTicked);
        Assert.Empty(logs[1].KeyPointsTicked);
        Assert.All(logs, l => Assert.StartsWith("SQL-", l.QuestionId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_BadAnswersAreAskedAgain_UndoAndQuitWork()
    {
        var run = await CliRun.Interactive("\n9 x\nall\nmaybe\n3\n\n\nu\nq\n", Variables, _time, "review", "--track", "sql");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("'9 x' is not a list of numbers", run.Out, StringComparison.Ordinal);
        Assert.Contains("Type 1, 2, 3 or 4", run.Out, StringComparison.Ordinal);
        Assert.Contains("Undid the last rating of SQL-", run.Out, StringComparison.Ordinal);

        await using var db = new StorageOptions { DataFolder = _data }.CreateDb(_ => null);
        var log = await db.ReviewLogs.AsNoTracking().SingleAsync();
        Assert.NotNull(log.UndoneAt);
    }

    [Fact]
    public async Task Review_UnknownDeck_SaysWhich()
    {
        var run = await CliRun.Interactive("", Variables, _time, "review", "--deck", "nope");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no deck 'nope'", run.Error, StringComparison.Ordinal);
    }
}
