using MlPrep.Core.Content;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Content;

/// <summary>Filtering, statistics and ladder navigation over the valid fixture bank.</summary>
public class BankQueryTests
{
    private static readonly ContentBank Bank = new ContentLoader(FixedTime.At(2026, 11, 22)).Load(Path.Combine(Repo.Fixtures, "valid")).Bank;

    [Fact]
    public void Filter_CombinesCriteria()
    {
        var filter = new QuestionFilter { Round = Round.MlDepth, MaxDifficulty = 5 };

        Assert.Equal(["ML-001"], filter.Apply(Bank).Select(q => q.Id));
    }

    [Fact]
    public void Filter_Topic_IgnoresCase()
    {
        Assert.Equal(["SQL-001"], new QuestionFilter { Topic = "Window-Functions" }.Apply(Bank).Select(q => q.Id));
    }

    [Fact]
    public void Filter_Empty_MatchesAllInTrackThenIdOrder()
    {
        Assert.Equal(["ML-001", "MLSD-001", "SQL-001", "BEH-001"], new QuestionFilter().Apply(Bank).Select(q => q.Id));
    }

    [Fact]
    public void Statistics_CountEveryVocabularyValue()
    {
        var stats = BankStatistics.From(Bank);

        Assert.Equal(4, stats.Questions);
        Assert.Equal(4, stats.Complete);
        Assert.Equal(2, stats.WithFollowUps);
        Assert.Equal(12, stats.KeyPoints);
        Assert.Equal(2, stats.Guides);
        Assert.Equal(2, stats.ThesaurusGroups);
        Assert.Equal(13, stats.ByTrack.Count);
        Assert.Equal(0, stats.ByTrack["deep-learning"]);
        Assert.Equal(1, stats.ByTrack["sql"]);
        Assert.Equal(2, stats.ByRound["ml-system-design"] + stats.ByRound["ml-depth"]);
        Assert.Equal(10, stats.ByDifficulty.Count);
        Assert.Equal(3, stats.ByDifficulty["4"]);
    }

    [Fact]
    public void Ladder_ResolvesFollowUpsAndPrerequisites()
    {
        var ridge = Bank.Find("ml-001")!;

        Assert.Equal(["MLSD-001"], Bank.FollowUpsOf(ridge).Select(q => q.Id));
        Assert.Equal(["ML-001"], Bank.PrerequisitesOf(Bank.Find("MLSD-001")!).Select(q => q.Id));
    }

    [Fact]
    public void Thesaurus_ExpandsToTheOtherTermsOfTheGroup()
    {
        Assert.Equal(["l2 regularization", "weight decay"], Bank.Thesaurus.SynonymsOf("Ridge"));
        Assert.Empty(Bank.Thesaurus.SynonymsOf("dropout"));
    }

    [Fact]
    public void Guides_AreOrderedByOrderThenTitle()
    {
        Assert.Equal(["interview-rounds", "star-method"], Bank.Guides.Select(g => g.Slug));
    }

    [Fact]
    public void Question_KeepsTimeBoxAndHash()
    {
        var design = Bank.Find("MLSD-001")!;

        Assert.Equal(45, design.TimeBox.Values.Sum());
        Assert.Matches("^[0-9a-f]{64}$", design.ContentHash);
    }
}
