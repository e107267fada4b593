using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;

namespace MlPrep.Bench;

/// <summary><c>probe SIZE TEXT...</c>: times each step of a search on the benchmark database (a quick look, not a benchmark).</summary>
/// <remarks>The steps repeat what <see cref="QuestionSearch.QueryAsync"/> does, so their medians roughly add up to
/// the whole call's; "filter:loss" searches "loss" in track ml-fundamentals and level intermediate, as the
/// benchmark does.</remarks>
public static class ProbeCommand
{
    private static readonly Func<MlPrepDb, string[], IAsyncEnumerable<SnippetSource>> PageText =
        EF.CompileAsyncQuery((MlPrepDb db, string[] ids) => db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new SnippetSource(q.Id, q.Title, q.SearchText)));

    public static async Task<int> RunAsync(int size, string[] texts)
    {
        var database = await BenchDatabase.SharedAsync(size, Console.Out);
        var db = database.Db;
        var search = new QuestionSearch(db, database.Bank);
        foreach (var text in texts)
        {
            var filtered = text.StartsWith("filter:", StringComparison.Ordinal);
            var query = filtered
                ? new QuestionQuery { Text = text["filter:".Length..], Tracks = [Track.MlFundamentals], Levels = [Level.Intermediate] }
                : new QuestionQuery { Text = text };
            var terms = SearchTerms.Parse(query.Text, database.Bank.Thesaurus);
            var steps = new Dictionary<string, List<double>>();
            for (var i = 0; i < 200; i++)
            {
                var clock = Stopwatch.StartNew();
                _ = SearchTerms.Parse(query.Text, database.Bank.Thesaurus);
                Add(steps, "parse", clock);
                await db.Database.OpenConnectionAsync();
                clock.Restart();
                var top = await db.TopRankingAsync(terms, 20, filtered ? query : null);
                Add(steps, "best-match lists", clock);
                List<string> ids;
                if (top is not null)
                {
                    ids = [.. top.Docs.Take(20).Select(d => d.QuestionId)];
                }
                else
                {
                    // Exact ranking, as QuestionSearch does it without filters.
                    clock.Restart();
                    _ = await db.Match(terms).CountAsync();
                    Add(steps, "exact: count", clock);
                    clock.Restart();
                    ids = await db.Match(terms).OrderBy(h => h.Tier).ThenByDescending(h => h.Score).ThenBy(h => h.QuestionId)
                        .Take(20).Select(h => h.QuestionId).ToListAsync();
                    Add(steps, "exact: first page", clock);
                }

                clock.Restart();
                var rows = new List<SnippetSource>();
                await foreach (var row in PageText(db, [.. ids]))
                {
                    rows.Add(row);
                }

                Add(steps, "rows (id, title and text of the page)", clock);
                clock.Restart();
                _ = await db.SnippetsAsync(terms, rows);
                Add(steps, $"snippets ({rows.Sum(r => r.SearchText.Length) / 1024} KB of text)", clock);
                await db.Database.CloseConnectionAsync();

                clock.Restart();
                var result = await search.QueryAsync(query);
                Add(steps, $"whole QueryAsync (total {result.Total}, estimate {result.TotalIsEstimate})", clock);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                clock.Restart();
                _ = await search.QueryAsync(query);
                Add(steps, "whole QueryAsync after a forced full GC", clock);
            }

            Console.WriteLine($"{text}:");
            foreach (var (step, times) in steps)
            {
                times.RemoveRange(0, times.Count / 2); // the first half runs while the JIT is still tiering up
                times.Sort();
                Console.WriteLine($"  {step,-60} median {times[times.Count / 2]:F2} ms, max {times[^1]:F2} ms");
            }
        }

        return 0;
    }

    private static void Add(Dictionary<string, List<double>> steps, string name, Stopwatch clock)
    {
        if (!steps.TryGetValue(name, out var list))
        {
            steps[name] = list = [];
        }

        list.Add(clock.Elapsed.TotalMilliseconds);
    }
}
