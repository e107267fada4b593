using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;
using MlPrep.Core.Storage.Fts5;
using MlPrep.Core.Tests.Storage;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Search;

/// <summary>Search from the precomputed best-match lists (SQLite), exercised on the real bank by lowering the
/// limits so that ordinary words count as "frequent".</summary>
public sealed class TopRankingTests
{
    // A trailing space means the last word is finished (no prefix matching), as when a user presses Enter after a space.
    private static readonly string[] Queries =
    [
        "model ", "loss ", "calibration ", "gradient boosting ", "overfitting ", "attention ", "learning rate ",
        "data leakage ", "xgboost ", "batch normalization ", "precision recall ", "transformer ", "embedding ", "feature ", "train ",
    ];

    private readonly ContentBank _bank = ContentSyncTests.LoadBundled();

    [Fact]
    public async Task RealBank_WithDefaultLimits_IsAlwaysRankedExactly()
    {
        // No word is in more questions than a list holds, so every search scores every match.
        var (db, _) = await OpenAsync(SearchTuning.Default);
        await using var _db = db;
        Assert.True(_bank.Questions.Length < SearchTuning.Default.Depth, "the bundled bank outgrew this test's premise");
        foreach (var text in Queries.Concat(Queries.Select(q => q.Trim())))
        {
            Assert.Null(await db.TopRankingAsync(SearchTerms.Parse(text, _bank.Thesaurus), 20));
        }
    }

    [Fact]
    public async Task ShortLists_KeepTheBestMatchesOnTop()
    {
        var (exact, exactSearch) = await OpenAsync(new SearchTuning(ExhaustiveLimit: int.MaxValue - 1));
        var (lists, listSearch) = await OpenAsync(new SearchTuning(ExhaustiveLimit: 20, Depth: 60));
        await using var a = exact;
        await using var b = lists;

        // One word: its list is exactly its best matches, so the first page is the same as exact ranking's.
        var singlePhrase = Queries.Where(q => SearchTerms.Parse(q, _bank.Thesaurus).Groups is [{ Phrases.Length: 1, Prefix: false }]).ToList();
        Assert.True(singlePhrase.Count >= 3, string.Join(", ", singlePhrase));
        foreach (var text in singlePhrase)
        {
            var expected = await exactSearch.QueryAsync(new QuestionQuery { Text = text, PageSize = 10 });
            var actual = await listSearch.QueryAsync(new QuestionQuery { Text = text, PageSize = 10 });

            Assert.True(expected.Total > 60 == actual.TotalIsEstimate, $"{text}: {expected.Total} matches, estimate {actual.TotalIsEstimate}");
            Assert.Equal(expected.Items.Select(i => i.Question.Id), actual.Items.Select(i => i.Question.Id));
            Assert.Equal(expected.Total, actual.Total);
        }

        // Deeper than the lists reach: exact ranking takes over.
        var deep = await listSearch.QueryAsync(new QuestionQuery { Text = "model", Page = 5, PageSize = 20 });
        var deepExact = await exactSearch.QueryAsync(new QuestionQuery { Text = "model", Page = 5, PageSize = 20 });
        Assert.False(deep.TotalIsEstimate);
        Assert.Equal(deepExact.Items.Select(i => i.Question.Id), deep.Items.Select(i => i.Question.Id));
    }

    [Fact]
    public async Task Filters_ApplyToListCandidates()
    {
        var (db, search) = await OpenAsync(new SearchTuning(ExhaustiveLimit: 20, Depth: 300));
        await using var _ = db;
        var query = new QuestionQuery { Text = "model", Tracks = [Track.MlFundamentals], Levels = [Level.Intermediate, Level.Advanced], PageSize = 10 };
        var page = await search.QueryAsync(query);
        Assert.NotEmpty(page.Items);

        // Track and level are applied while the lists are read; the total is scaled by the share of the bank the filter keeps.
        var (exact, exactSearch) = await OpenAsync(new SearchTuning(ExhaustiveLimit: int.MaxValue - 1));
        await using var _exact = exact;
        var expected = await exactSearch.QueryAsync(query);
        Assert.True(page.TotalIsEstimate);
        Assert.InRange(page.Total, expected.Total / 2, expected.Total * 2);
        Assert.Equal(expected.Items[0].Question.Id, page.Items[0].Question.Id);
        Assert.All(page.Items, i =>
        {
            Assert.Equal(Track.MlFundamentals, i.Question.Track);
            Assert.Contains(i.Question.Level, query.Levels);
        });
    }

    [Fact]
    public async Task EditedAndRetiredQuestions_AreSearchedAsTheyAreNow()
    {
        var (db, _) = await OpenAsync(new SearchTuning(ExhaustiveLimit: 20, Depth: 40, RebuildAfter: 10));
        await using var _db = db;
        var before = await new QuestionSearch(db, _bank).QueryAsync(new QuestionQuery { Text = "model ", PageSize = 5 });
        var retire = before.Items[0].Question.Id;
        var edit = _bank.Questions.First(q => q.Id != retire && !q.Title.Contains("model", StringComparison.OrdinalIgnoreCase));
        var edited = edit with
        {
            Title = "Model model model: which model?",
            ContentHash = "edited",
        };
        var bank = new ContentBank(_bank.Questions.Where(q => q.Id != retire).Select(q => q.Id == edit.Id ? edited : q), _bank.Guides, _bank.Thesaurus);
        var builtThrough = await MetaAsync(db, "search_top_built_through");
        var report = await new ContentSync(db, TimeProvider.System).SyncAsync(bank);
        Assert.Equal((1, 1), (report.Updated, report.Retired));

        // Two changes are below the rebuild threshold: the lists stay, and the edited question is scored directly.
        Assert.Equal(builtThrough, await MetaAsync(db, "search_top_built_through"));

        var after = await new QuestionSearch(db, bank).QueryAsync(new QuestionQuery { Text = "model ", PageSize = 10 });
        Assert.True(after.TotalIsEstimate);
        Assert.DoesNotContain(retire, after.Items.Select(i => i.Question.Id));
        var ranking = await db.TopRankingAsync(SearchTerms.Parse("model ", bank.Thesaurus), 10);
        Assert.Contains(edit.Id, ranking!.Docs.Select(d => d.QuestionId));

        // The same page as exact ranking over the edited bank gives.
        var (exact, _) = await OpenAsync(new SearchTuning(ExhaustiveLimit: int.MaxValue - 1));
        await using var _exact = exact;
        await new ContentSync(exact, TimeProvider.System).SyncAsync(bank);
        var expected = await new QuestionSearch(exact, bank).QueryAsync(new QuestionQuery { Text = "model ", PageSize = 10 });
        Assert.Equal(expected.Items.Select(i => i.Question.Id), after.Items.Select(i => i.Question.Id));
    }

    [Fact]
    public async Task Lists_AreRebuiltOnlyWhenNeeded()
    {
        var (db, _) = await OpenAsync(new SearchTuning(ExhaustiveLimit: 20, Depth: 40));
        await using var _db = db;
        var built = await MetaAsync(db, "search_top_stamp");
        Assert.NotNull(built);
        Assert.True(await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM search_lists").SingleAsync() > 50);

        // Unchanged content: nothing is rebuilt.
        await new ContentSync(db, TimeProvider.System).SyncAsync(_bank);
        Assert.Equal(built, await MetaAsync(db, "search_top_stamp"));

        // Another tuning (or thesaurus) invalidates the lists.
        ((SqliteMlPrepDb)db).SearchTuning = new SearchTuning(ExhaustiveLimit: 30, Depth: 40);
        await new ContentSync(db, TimeProvider.System).SyncAsync(_bank);
        // Words get a list only when frequent under the new limit; thesaurus phrases always do.
        var thesaurusKeys = _bank.Thesaurus.Groups.SelectMany(g => g).Select(t => Fts5Tokenizer.KeyOf(string.Join(' ', SearchTerms.Words(t)))).ToHashSet();
        var rareWords = await db.Database.SqlQueryRaw<string>("SELECT token AS Value FROM search_lists WHERE docs <= 30").ToListAsync();
        Assert.NotEmpty(rareWords);
        Assert.All(rareWords, token => Assert.Contains(token, thesaurusKeys));
    }

    private async Task<(MlPrepDb Db, QuestionSearch Search)> OpenAsync(SearchTuning tuning)
    {
        var db = await ContentSyncTests.OpenAsync(TestDatabases.Create("sqlite"));
        ((SqliteMlPrepDb)db).SearchTuning = tuning;
        await new ContentSync(db, TimeProvider.System).SyncAsync(_bank);
        return (db, new QuestionSearch(db, _bank));
    }

    private static Task<string?> MetaAsync(MlPrepDb db, string key) =>
        db.Set<AppMeta>().AsNoTracking().Where(m => m.Key == key).Select(m => m.Value).SingleOrDefaultAsync();
}
