using System.Text.Json;
using MlPrep.Cli.Tests.Support;
using MlPrep.Tests.Shared;

namespace MlPrep.Cli.Tests.Content;

public sealed class ContentCommandTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("mlprep-cli-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Check_BundledContent_PassesWithExitZero()
    {
        var run = await CliRun.InRepo("content", "check");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 error(s)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BrokenContent_ListsEveryErrorWithPositionAndExitsOne()
    {
        var run = await CliRun.Of(Repo.Fixtures, "content", "check", "--content", "broken/follow-up-cycle");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken/follow-up-cycle/questions/ml-fundamentals/ML-001-a.md:18:14: error: follow-up cycle: ML-001 -> ML-002 -> ML-003 -> ML-001", run.Error, StringComparison.Ordinal);
        Assert.Contains("1 error(s)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Json_ListsDiagnostics()
    {
        var run = await CliRun.Of(Repo.Fixtures, "content", "check", "--content", "broken/time-box-unknown-stage", "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(2, json.RootElement.GetProperty("errors").GetInt32());
        var first = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal(18, first.GetProperty("line").GetInt32());
        Assert.Equal(24, first.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Check_ContentFromEnvironmentVariable()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new MlPrep.Cli.Shared.CliEnvironment(output, error, _scratch,
            name => name == "MLPREP_CONTENT" ? Path.Combine(Repo.Fixtures, "valid") : null, FixedTime.At(2026, 11, 22), Color: false);

        var code = await MlPrep.Cli.Shared.CliApp.RunAsync(["content", "check"], env);

        Assert.Equal(0, code);
        Assert.Contains("4 questions and 2 guides loaded", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_ScaffoldsNextIdThatPassesCheck()
    {
        Directory.CreateDirectory(Path.Combine(_scratch, "questions"));
        TestFiles.CopyTree(Path.Combine(Repo.Fixtures, "valid"), _scratch);

        var created = await CliRun.Of(_scratch, "new", "--track", "ml-fundamentals", "--content", ".", "--title", "What is early stopping?");
        var check = await CliRun.Of(_scratch, "content", "check", "--content", ".");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("ML-002-what-is-early-stopping.md", created.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_scratch, "questions", "ml-fundamentals", "ML-002-what-is-early-stopping.md")));
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("5 questions", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_DesignTrack_GetsDesignSections()
    {
        Directory.CreateDirectory(Path.Combine(_scratch, "questions"));

        var run = await CliRun.Of(_scratch, "new", "--track", "ml-system-design", "--content", ".");

        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(Path.Combine(_scratch, "questions", "ml-system-design", "MLSD-001-new-question.md"));
        Assert.Contains("## Trade-offs", text, StringComparison.Ordinal);
        Assert.Contains("time_box:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_UnknownTrack_ListsValidTracks()
    {
        var run = await CliRun.Of(_scratch, "new", "--track", "ai");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Unknown track 'ai'. Valid tracks: ml-fundamentals", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_WithoutTrack_SaysTrackIsRequired()
    {
        var run = await CliRun.Of(_scratch, "new");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--track", run.Error, StringComparison.Ordinal);
    }
}
