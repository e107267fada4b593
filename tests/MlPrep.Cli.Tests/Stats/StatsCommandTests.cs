using System.Text.Json;
using MlPrep.Cli.Tests.Support;
using MlPrep.Core.Content;
using MlPrep.Tests.Shared;

namespace MlPrep.Cli.Tests.Stats;

public class StatsCommandTests
{
    [Fact]
    public async Task Stats_Json_CountsTheBundledBank()
    {
        var run = await CliRun.InRepo("stats", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        var bank = new ContentLoader(FixedTime.At(2026, 11, 22)).Load(Repo.Content).Bank;
        Assert.Equal(bank.Questions.Length, root.GetProperty("questions").GetInt32());
        Assert.Equal(bank.Questions.Count(q => q.IsComplete), root.GetProperty("complete").GetInt32());
        Assert.Equal(bank.Questions.Sum(q => q.KeyPoints.Length), root.GetProperty("key_points").GetInt32());
        Assert.Equal(13, root.GetProperty("by_track").EnumerateObject().Count());
        Assert.Equal(bank.Questions.Count(q => q.Track == Track.Sql), root.GetProperty("by_track").GetProperty("sql").GetInt32());
        Assert.Equal(bank.Questions.Length, root.GetProperty("by_level").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(bank.Questions.Length, root.GetProperty("by_difficulty").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.True(root.GetProperty("by_round").TryGetProperty("ml-system-design", out _));
    }

    [Fact]
    public async Task Stats_Table_NamesEveryTrack()
    {
        var run = await CliRun.InRepo("stats");

        Assert.Equal(0, run.ExitCode);
        Assert.All(Slug.All<Track>(), track => Assert.Contains(track, run.Out, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BareCommand_ShowsOverviewAndNextSteps()
    {
        var run = await CliRun.InRepo();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("interview questions with model answers", run.Out, StringComparison.Ordinal);
        Assert.Contains("mlprep list", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingContentFolder_SaysWhereItLooked()
    {
        var run = await CliRun.InRepo("stats", "--content", "no/such/folder");

        Assert.Contains("content folder not found", run.Error, StringComparison.Ordinal);
    }
}
