using MlPrep.Core.Content;

namespace MlPrep.Core.Tests.Content;

public class VocabularyTests
{
    [Fact]
    public void Slug_Tracks_AreTheDocumentedWords()
    {
        Assert.Equal(
            ["ml-fundamentals", "data", "evaluation", "problem-framing", "deep-learning", "nlp-llm", "computer-vision",
             "ml-system-design", "mlops", "math-stats", "ml-coding", "sql", "behavioral"],
            Slug.All<Track>());
    }

    [Fact]
    public void Slug_OtherVocabularies_AreTheDocumentedWords()
    {
        Assert.Equal(["beginner", "intermediate", "advanced", "expert"], Slug.All<Level>());
        Assert.Equal(["what", "why-how", "what-if"], Slug.All<Kind>());
        Assert.Equal(["recruiter-screen", "coding", "ml-coding", "ml-system-design", "ml-depth", "behavioral"], Slug.All<Round>());
        Assert.Equal(["concept", "design", "behavioral", "coding"], Slug.All<QuestionFormat>());
    }

    [Theory]
    [InlineData("ML-Fundamentals", true)]
    [InlineData(" nlp-llm ", true)]
    [InlineData("nlp_llm", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Slug_TryParse_IgnoresCaseAndSpaceOnly(string? text, bool ok)
    {
        Assert.Equal(ok, Slug.TryParse<Track>(text, out _));
    }

    [Fact]
    public void Tracks_HaveDistinctPrefixes()
    {
        var prefixes = Enum.GetValues<Track>().Select(t => t.Prefix()).ToList();
        Assert.Equal(prefixes.Count, prefixes.Distinct().Count());
    }

    [Theory]
    [InlineData("ML-042", "ML", 42)]
    [InlineData("MLSD-001", "MLSD", 1)]
    [InlineData("DATA-1234", "DATA", 1234)]
    public void QuestionId_TryParse_SplitsPrefixAndNumber(string text, string prefix, int number)
    {
        Assert.True(QuestionId.TryParse(text, out var id));
        Assert.Equal(new QuestionId(prefix, number), id);
    }

    [Theory]
    [InlineData("ML42")]
    [InlineData("ml-042")]
    [InlineData("ML-42")]
    [InlineData("ML-04a")]
    [InlineData("-042")]
    public void QuestionId_TryParse_RejectsMalformed(string text)
    {
        Assert.False(QuestionId.TryParse(text, out _));
    }

    [Fact]
    public void IdComparer_OrdersNumerically()
    {
        Assert.Equal(["ML-002", "ML-010", "ML-100"], new[] { "ML-100", "ML-010", "ML-002" }.Order(IdComparer.Instance));
    }
}
