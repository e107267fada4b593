using System.Globalization;
using System.Text;
using System.Text.Json;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;
using MlPrep.Core.Tests.Storage;
using MlPrep.Tests.Shared;
using Xunit.Abstractions;

namespace MlPrep.Core.Tests.Search;

/// <summary>Search quality over the bundled bank: realistic queries with the questions a user wants to land on.</summary>
/// <remarks>The query set (search-queries.json) was written before looking at results: paraphrases,
/// abbreviations, words being typed, informal phrasings. The report (MRR@10, recall@5, every miss) goes
/// to the test output and to TestResults/search-quality-{provider}.txt.</remarks>
public sealed class SearchQualityTests(ITestOutputHelper output)
{
    private const double MinimumMrr = 0.8;

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public Task QuerySet_MeetsMrrAt10(string provider) => RunAsync(provider, null);

    /// <summary>The same query set with the limits lowered so that most queries are ranked from the
    /// best-match lists a 100,000-question bank relies on (see Fts5TopPostings).</summary>
    [Fact]
    public Task QuerySet_FromBestMatchLists_MeetsMrrAt10() => RunAsync("sqlite", new SearchTuning(ExhaustiveLimit: 15, Depth: 60));

    private async Task RunAsync(string provider, SearchTuning? tuning)
    {
        var cases = JsonSerializer.Deserialize<List<QueryCase>>(
            File.ReadAllText(Path.Combine(Repo.Root, "tests", "MlPrep.Core.Tests", "Search", "search-queries.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        Assert.True(cases.Count >= 60, $"the query set has {cases.Count} queries; at least 60 are required");
        var bank = ContentSyncTests.LoadBundled();
        Assert.All(cases.SelectMany(c => c.Relevant), id => Assert.NotNull(bank.Find(id)));
        await using var db = await ContentSyncTests.OpenAsync(TestDatabases.Create(provider));
        if (tuning is not null)
        {
            ((SqliteMlPrepDb)db).SearchTuning = tuning;
            provider += "-lists";
        }

        await new ContentSync(db, TimeProvider.System).SyncAsync(bank);
        var fromLists = 0;
        var search = new QuestionSearch(db, bank);

        var report = new StringBuilder();
        double reciprocalRanks = 0, recall = 0;
        foreach (var c in cases)
        {
            fromLists += await db.TopRankingAsync(SearchTerms.Parse(c.Query, bank.Thesaurus), 10) is null ? 0 : 1;
            var top = (await search.QueryAsync(new QuestionQuery { Text = c.Query, PageSize = 10 })).Items.Select(i => i.Question.Id).ToList();
            var rank = top.FindIndex(c.Relevant.Contains) + 1;
            reciprocalRanks += rank > 0 ? 1.0 / rank : 0;
            recall += (double)c.Relevant.Count(top.Take(5).Contains) / c.Relevant.Count;
            if (rank != 1)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {(rank == 0 ? "miss" : "rank " + rank),-7} {c.Query,-50} wanted {string.Join(", ", c.Relevant)}; got {string.Join(", ", top.Take(3))}");
            }
        }

        var mrr = reciprocalRanks / cases.Count;
        var summary = $"{provider}: {cases.Count} queries ({fromLists} ranked from best-match lists), MRR@10 = {mrr:0.000}, recall@5 = {recall / cases.Count:0.000}\nNot first:\n{report}";
        output.WriteLine(summary);
        var results = Path.Combine(Repo.Root, "TestResults");
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(Path.Combine(results, $"search-quality-{provider}.txt"), summary);
        Assert.True(mrr >= MinimumMrr, $"MRR@10 {mrr:0.000} is below {MinimumMrr}.\n{summary}");
        Assert.True(tuning is null || fromLists >= cases.Count / 3, $"only {fromLists} queries were ranked from the lists");
    }

    private sealed record QueryCase(string Query, List<string> Relevant, string? Note);
}
