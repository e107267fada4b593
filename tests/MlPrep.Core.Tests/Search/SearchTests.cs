using MlPrep.Core.Content;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;
using MlPrep.Core.Tests.Storage;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Search;

/// <summary>Search and listing over the bundled bank, on every available provider.</summary>
public sealed class SearchTests : IAsyncLifetime
{
    private readonly Dictionary<string, (MlPrepDb Db, QuestionSearch Search)> _databases = [];
    private ContentBank _bank = ContentBank.Empty;

    public static TheoryData<string> Providers => TestDatabases.Providers;

    public async Task InitializeAsync()
    {
        _bank = ContentSyncTests.LoadBundled();
        foreach (var provider in TestDatabases.Names)
        {
            var db = await ContentSyncTests.OpenAsync(TestDatabases.Create(provider));
            await new ContentSync(db, TimeProvider.System).SyncAsync(_bank);
            _databases[provider] = (db, new QuestionSearch(db, _bank));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (db, _) in _databases.Values)
        {
            await db.DisposeAsync();
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Thesaurus_RidgeFindsTheL2Question(string provider)
    {
        var page = await Search(provider).QueryAsync(new QuestionQuery { Text = "ridge" });

        // ML-003 (L1 vs L2) and, once the bank has it, ML-021 (deriving ridge) are both L2 questions.
        var l2 = new[] { "ML-003", "ML-021" }.Where(id => _bank.Find(id) is not null).ToList();
        Assert.Contains(page.Items[0].Question.Id, l2);
        Assert.All(l2, id => Assert.Contains(id, page.Items.Take(3).Select(i => i.Question.Id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Thesaurus_XgboostFindsGradientBoosting(string provider)
    {
        var page = await Search(provider).QueryAsync(new QuestionQuery { Text = "xgboost", PageSize = 50 });

        // The thesaurus group reaches the gradient-boosting questions, ML-004 (boosting vs random forest) among them.
        Assert.Contains("ML-004", page.Items.Select(i => i.Question.Id));
        Assert.Contains("boost", page.Items[0].Question.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Prefix_WordBeingTyped_Matches(string provider)
    {
        var page = await Search(provider).QueryAsync(new QuestionQuery { Text = "calibrat", PageSize = 50 });

        Assert.Contains("calibration", page.Items[0].Question.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("EVAL-003", page.Items.Select(i => i.Question.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Title_RanksAboveBody(string provider)
    {
        var page = await Search(provider).QueryAsync(new QuestionQuery { Text = "backpropagation " });

        // Questions with the word (or its thesaurus group: backprop, backward pass) in the title come first;
        // DL-001, the question about backpropagation itself, is among the first three as the bank grows.
        Assert.Matches("backprop|backward pass", page.Items[0].Question.Title.ToLowerInvariant());
        Assert.Contains("DL-001", page.Items.Take(3).Select(i => i.Question.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Results_CarryHighlightedSnippets(string provider)
    {
        var page = await Search(provider).QueryAsync(new QuestionQuery { Text = "dropout " });

        var first = page.Items[0];
        Assert.Contains("<mark>", first.SnippetHtml ?? first.TitleHtml, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0002', first.SnippetHtml!);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Search_CombinesWithFilters(string provider)
    {
        var all = await Search(provider).QueryAsync(new QuestionQuery { Text = "gradient", PageSize = 100 });
        var filtered = await Search(provider).QueryAsync(new QuestionQuery { Text = "gradient", Tracks = [Track.DeepLearning], Levels = [Level.Intermediate], PageSize = 100 });

        Assert.NotEmpty(filtered.Items);
        Assert.True(filtered.Total < all.Total);
        Assert.All(filtered.Items, i => Assert.True(i.Question.Track == Track.DeepLearning && i.Question.Level == Level.Intermediate));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task HostileText_NeverThrows(string provider)
    {
        foreach (var text in new[] { "\"unbalanced", "NEAR(", "title:x", "-x", "(((", "C++", "a\0b", "AND", "*", "' OR 1=1 --", "ümlaut naïve", "日本語", new string('x', 300) })
        {
            var page = await Search(provider).QueryAsync(new QuestionQuery { Text = text });
            Assert.True(page.Total >= 0);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Listing_FiltersSortsAndPages(string provider)
    {
        var query = new QuestionQuery { Levels = [Level.Beginner, Level.Intermediate], MaxDifficulty = 4, Sort = QuestionSort.Hardest, PageSize = 5 };
        var expected = _bank.Questions.Where(q => q.Level is Level.Beginner or Level.Intermediate && q.Difficulty <= 4).ToList();

        var first = await Search(provider).QueryAsync(query);
        var second = await Search(provider).QueryAsync(query with { Page = 2 });

        Assert.Equal(expected.Count, first.Total);
        Assert.Equal((expected.Count + 4) / 5, first.PageCount);
        var ids = first.Items.Concat(second.Items).Select(i => i.Question).ToList();
        Assert.Equal(ids.Select(q => q.Difficulty).OrderDescending(), ids.Select(q => q.Difficulty));
        Assert.Equal(ids.Count, ids.Select(q => q.Id).Distinct().Count());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Listing_DefaultOrderIsBankOrder_AndRoundAndTopicFiltersWork(string provider)
    {
        var all = await Search(provider).IdsAsync(new QuestionQuery());
        Assert.Equal(_bank.Questions.Select(q => q.Id), all);

        var rounds = await Search(provider).IdsAsync(new QuestionQuery { Rounds = [Round.Behavioral] });
        Assert.Equal(_bank.Questions.Where(q => q.Rounds.Contains(Round.Behavioral)).Select(q => q.Id), rounds);

        var topic = _bank.Questions[0].Topics[0];
        var topics = await Search(provider).IdsAsync(new QuestionQuery { Topics = [topic] });
        Assert.Equal(_bank.Questions.Where(q => q.Topics.Contains(topic)).Select(q => q.Id), topics);
    }

    private QuestionSearch Search(string provider) => _databases[provider].Search;
}
