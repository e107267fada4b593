using Microsoft.EntityFrameworkCore;
using MlPrep.Cli.Tests.Support;
using MlPrep.Core.Storage;
using MlPrep.Tests.Shared;

namespace MlPrep.Cli.Tests.Mock;

/// <summary><c>mlprep mock</c> and <c>mlprep progress</c> driven by typed input.</summary>
public sealed class MockAndProgressCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("mlprep-cli-mock-").FullName;
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private Dictionary<string, string> Variables => new() { ["MLPREP_DATA"] = _data };

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task QuickDrill_AnswerRevealGrade_ReportAndQueue()
    {
        // Question 1: notes, pause and resume, done; tick 1 and 2; grade 3. Question 2: done at once; no points; grade 2. Then queue the missed ones.
        var input = "bias and variance\np\n\n\n1 2\n3\n\nnope\n\n2\ny\n";
        var run = await CliRun.Interactive(input, Variables, _time, "mock", "--round", "quick-drill", "--minutes", "4", "--track", "ml-fundamentals");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Quick drill mock interview", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 of 2", run.Out, StringComparison.Ordinal);
        Assert.Contains("4 min", run.Out, StringComparison.Ordinal);
        Assert.Contains("Clock paused", run.Out, StringComparison.Ordinal);
        Assert.Contains("Key points you covered", run.Out, StringComparison.Ordinal);
        Assert.Contains("'nope' is not a list of numbers", run.Out, StringComparison.Ordinal);
        Assert.Contains("Report", run.Out, StringComparison.Ordinal);
        Assert.Contains("question(s) queued", run.Out, StringComparison.Ordinal);

        await using var db = new StorageOptions { DataFolder = _data }.CreateDb(_ => null);
        var session = await db.MockSessions.Include(s => s.Answers).SingleAsync();
        Assert.NotNull(session.EndedAt);
        Assert.Equal([3, 2], session.Answers.OrderBy(a => a.Position).Select(a => a.Score));
        Assert.Equal("bias and variance", session.Answers.Single(a => a.Position == 0).Notes);
        Assert.True(await db.ReviewCards.AnyAsync(c => c.QueuedAt != null));

        var progress = await CliRun.Interactive("", Variables, _time, "progress", "--target", "senior");
        Assert.Equal(0, progress.ExitCode);
        Assert.Contains("Readiness for senior", progress.Out, StringComparison.Ordinal);
        Assert.Contains("quick-drill 2026-11-23 2.5/4", progress.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadOptions_AreExplained()
    {
        var round = await CliRun.Interactive("", Variables, _time, "mock", "--round", "lightning");
        Assert.NotEqual(0, round.ExitCode);
        Assert.Contains("Unknown round 'lightning'. Rounds: quick-drill", round.Error, StringComparison.Ordinal);

        var target = await CliRun.Interactive("", Variables, _time, "progress", "--target", "wizard");
        Assert.NotEqual(0, target.ExitCode);
        Assert.Contains("Unknown target 'wizard'", target.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndingEarly_StillReports()
    {
        var run = await CliRun.Interactive("q\n", Variables, _time, "mock", "--round", "behavioral");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Interview ended early.", run.Out, StringComparison.Ordinal);
        Assert.Contains("Report", run.Out, StringComparison.Ordinal);
    }
}
