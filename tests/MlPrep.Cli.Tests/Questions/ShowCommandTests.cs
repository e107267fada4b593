using System.Text.Json;
using MlPrep.Cli.Tests.Support;

namespace MlPrep.Cli.Tests.Questions;

public class ShowCommandTests
{
    [Fact]
    public async Task Show_RendersEverySectionKeyPointsAndLadder()
    {
        var run = await CliRun.InRepo("show", "ML-002");

        Assert.Equal(0, run.ExitCode);
        foreach (var heading in new[] { "Answer", "Explanation", "Example", "Common mistakes", "In production", "Key points an interviewer listens for", "Follow-ups", "Before this" })
        {
            Assert.Contains(heading, run.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("## ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_IdIsCaseInsensitive()
    {
        var run = await CliRun.InRepo("show", "mlsd-001");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Clarify", run.Out, StringComparison.Ordinal);
        Assert.Contains("min)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Json_HasTheDocumentedShape()
    {
        var run = await CliRun.InRepo("show", "CODE-001", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("CODE-001", root.GetProperty("id").GetString());
        Assert.Equal("coding", root.GetProperty("format").GetString());
        Assert.Equal(["Problem", "Approach", "Solution", "Complexity", "Tests"], root.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains("<pre><code class=\"language-python\">", root.GetProperty("sections")[2].GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.InRange(root.GetProperty("key_points").GetArrayLength(), 3, 7);
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("content_hash").GetString()!);
    }

    [Fact]
    public async Task Show_UnknownId_FailsAndSuggests()
    {
        var run = await CliRun.InRepo("show", "ML-999");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no question 'ML-999'", run.Error, StringComparison.Ordinal);
        Assert.Contains("ML-001", run.Error, StringComparison.Ordinal);
    }
}
