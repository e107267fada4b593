using System.Text.Json;
using MlPrep.Cli.Tests.Support;

namespace MlPrep.Cli.Tests.Questions;

public class ListCommandTests
{
    [Fact]
    public async Task List_Json_AppliesEveryFilter()
    {
        var run = await CliRun.InRepo("list", "--track", "deep-learning", "--min-difficulty", "5", "--max-difficulty", "7", "--kind", "why-how", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var questions = json.RootElement.GetProperty("questions").EnumerateArray().ToList();
        Assert.NotEmpty(questions);
        Assert.Equal(questions.Count, json.RootElement.GetProperty("count").GetInt32());
        Assert.All(questions, q =>
        {
            Assert.Equal("deep-learning", q.GetProperty("track").GetString());
            Assert.Equal("why-how", q.GetProperty("kind").GetString());
            Assert.InRange(q.GetProperty("difficulty").GetInt32(), 5, 7);
            Assert.StartsWith("DL-", q.GetProperty("id").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task List_RoundAndTopic_Filter()
    {
        var run = await CliRun.InRepo("list", "--round", "behavioral", "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.All(json.RootElement.GetProperty("questions").EnumerateArray(),
            q => Assert.Contains("behavioral", q.GetProperty("rounds").EnumerateArray().Select(r => r.GetString())));
    }

    [Fact]
    public async Task List_Table_ShowsCountLine()
    {
        var run = await CliRun.InRepo("list", "--level", "beginner");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Showing \d+ of \d+ questions", run.Out);
    }

    [Fact]
    public async Task List_NoMatch_SaysSo()
    {
        var run = await CliRun.InRepo("list", "--topic", "no-such-topic-anywhere");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No questions match", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--track", "machine-learning", "Unknown track 'machine-learning'. Valid tracks: ml-fundamentals, data,")]
    [InlineData("--level", "senior", "Unknown level 'senior'. Valid levels: beginner, intermediate, advanced, expert.")]
    [InlineData("--kind", "how", "Unknown kind 'how'. Valid kinds: what, why-how, what-if.")]
    [InlineData("--round", "onsite", "Unknown round 'onsite'. Valid rounds: recruiter-screen, coding,")]
    [InlineData("--min-difficulty", "11", "--min-difficulty must be a whole number from 1 to 10, not '11'.")]
    [InlineData("--max-difficulty", "hard", "--max-difficulty must be a whole number from 1 to 10, not 'hard'.")]
    public async Task List_BadOptionValue_FailsWithClearMessage(string option, string value, string message)
    {
        var run = await CliRun.InRepo("list", option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_MinAboveMax_FailsWithClearMessage()
    {
        var run = await CliRun.InRepo("list", "--min-difficulty", "8", "--max-difficulty", "3");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--min-difficulty (8) is greater than --max-difficulty (3)", run.Error, StringComparison.Ordinal);
    }
}
