using MlPrep.Core.Content;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Content;

/// <summary>The bank shipped in content/ is valid and meets the starter-content bar.</summary>
public class BundledContentTests
{
    private static readonly ContentLoadResult Loaded = new ContentLoader(FixedTime.At(2026, 11, 22)).Load(Repo.Content);

    [Fact]
    public void BundledContent_HasNoErrors()
    {
        Assert.Empty(Loaded.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Format("content")));
    }

    [Fact]
    public void BundledContent_CoversTracksFormatsAndLadders()
    {
        var bank = Loaded.Bank;
        Assert.True(bank.Questions.Length >= 30, $"only {bank.Questions.Length} questions");
        Assert.True(bank.Questions.Select(q => q.Track).Distinct().Count() >= 8);
        Assert.Equal(Enum.GetValues<QuestionFormat>().Length, bank.Questions.Select(q => q.Format).Distinct().Count());
        Assert.All(bank.Questions, q => Assert.True(q.IsComplete, $"{q.Id} is a draft"));

        // A ladder of at least three rungs exists: a question whose follow-up has a follow-up.
        Assert.Contains(bank.Questions, q => bank.FollowUpsOf(q).Any(f => bank.FollowUpsOf(f).Any()));
    }

    [Fact]
    public void BundledContent_HasGuidesAndThesaurus()
    {
        Assert.True(Loaded.Bank.Guides.Length >= 4);
        Assert.Contains(Loaded.Bank.Thesaurus.SynonymsOf("ridge"), t => t.Contains("l2", StringComparison.Ordinal));
    }
}
