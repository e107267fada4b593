using BenchmarkDotNet.Attributes;
using MlPrep.Core.Content;
using MlPrep.Core.Search;

namespace MlPrep.Bench;

/// <summary>Search and filtered listing through <see cref="QuestionSearch"/>, the service behind the list
/// page, the search API and the CLI, on SQLite with FTS5.</summary>
/// <remarks>Each call is one request's work: count, one ordered page, and highlighted snippets when
/// searching. Timed one call per iteration (see <see cref="LatencyConfig"/>), so the percentiles are
/// those of single requests. The database is shared by every benchmark of one size (see
/// <see cref="BenchDatabase.SharedAsync"/>) and left open until the process ends.</remarks>
[Config(typeof(LatencyConfig))]
public class SearchBenchmarks
{
    private static readonly QuestionQuery TrackAndLevel = new() { Tracks = [Track.MlFundamentals], Levels = [Level.Intermediate] };

    private QuestionSearch? _search;
    private int _deepPage = 1;

    /// <summary>Questions in the bank: about the real bank's size, and a large one.</summary>
    [Params(500, 100_000)]
    public int Questions { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var database = await BenchDatabase.SharedAsync(Questions, Console.Out);
        _search = new QuestionSearch(database.Db, database.Bank);
        var first = await _search.QueryAsync(TrackAndLevel);
        _deepPage = first.PageCount;
        if (database.Primed)
        {
            return;
        }

        Console.WriteLine($"// track + level filter: {first.Total} questions, {first.PageCount} pages; deep page = {_deepPage}");

        // A server answers these queries all day: measure tier-1 code with EF Core's query cache warm. Up to
        // 30 rounds of every query, but at most a few seconds once a round has run.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var round = 0; round < 30 && (round == 0 || clock.Elapsed < TimeSpan.FromSeconds(3)); round++)
        {
            await OneWord();
            await TwoWordsWithThesaurus();
            await PrefixAsTyped();
            await WithFilter();
            await CommonWord();
            await ListFirstPage();
            await ListDeepPage();
        }

        database.Primed = true;
        await Task.Delay(200); // let the JIT's background tier-up finish
    }

    [Benchmark(Description = "search: one word (calibration)")]
    public Task<QuestionPage> OneWord() => Search.QueryAsync(new QuestionQuery { Text = "calibration" });

    [Benchmark(Description = "search: two words, thesaurus (gradient boosting)")]
    public Task<QuestionPage> TwoWordsWithThesaurus() => Search.QueryAsync(new QuestionQuery { Text = "gradient boosting" });

    [Benchmark(Description = "search: prefix as typed (regulariz)")]
    public Task<QuestionPage> PrefixAsTyped() => Search.QueryAsync(new QuestionQuery { Text = "regulariz" });

    [Benchmark(Description = "search: with filter (loss, track + level)")]
    public Task<QuestionPage> WithFilter() => Search.QueryAsync(TrackAndLevel with { Text = "loss" });

    [Benchmark(Description = "search: very common word (model)")]
    public Task<QuestionPage> CommonWord() => Search.QueryAsync(new QuestionQuery { Text = "model" });

    [Benchmark(Description = "list: track + level, page 1")]
    public Task<QuestionPage> ListFirstPage() => Search.QueryAsync(TrackAndLevel);

    [Benchmark(Description = "list: track + level, last page")]
    public Task<QuestionPage> ListDeepPage() => Search.QueryAsync(TrackAndLevel with { Page = _deepPage });

    private QuestionSearch Search => _search ?? throw new InvalidOperationException("GlobalSetup has not run");
}
