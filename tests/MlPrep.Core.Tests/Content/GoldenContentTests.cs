using System.Text.Encodings.Web;
using System.Text.Json;
using MlPrep.Core.Content;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Content;

/// <summary>Parsing and rendering of a small valid bank, compared with a reviewed golden file.</summary>
public class GoldenContentTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public void Load_ValidFixture_MatchesGoldenFile()
    {
        var result = new ContentLoader(FixedTime.At(2026, 11, 22)).Load(Path.Combine(Repo.Fixtures, "valid"));
        Assert.Empty(result.Diagnostics);

        var snapshot = new
        {
            Questions = result.Bank.Questions.Select(QuestionDetailDto.From),
            Guides = result.Bank.Guides.Select(g => new { g.Slug, g.Title, g.Summary, g.Order, g.Html, g.SourcePath }),
            Thesaurus = result.Bank.Thesaurus.Groups,
        };
        var actual = JsonSerializer.Serialize(snapshot, Json).ReplaceLineEndings("\n") + "\n";
        var goldenFile = Path.Combine(Repo.Fixtures, "valid.golden.json");
        if (Repo.UpdateGolden)
        {
            File.WriteAllText(goldenFile, actual);
        }

        Assert.Equal(File.ReadAllText(goldenFile).ReplaceLineEndings("\n"), actual);
    }
}
