using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Search;

namespace MlPrep.Bench;

/// <summary><c>probe SIZE TEXT...</c>: times each step of a search on the benchmark database (a quick look, not a benchmark).</summary>
public static class ProbeCommand
{
    public static async Task<int> RunAsync(int size, string[] texts)
    {
        var database = await BenchDatabase.SharedAsync(size, Console.Out);
        var search = new QuestionSearch(database.Db, database.Bank);
        foreach (var text in texts)
        {
            // "filter:loss" searches "loss" in track ml-fundamentals and level intermediate, as the benchmark does.
            var filtered = text.StartsWith("filter:", StringComparison.Ordinal);
            var query = filtered
                ? new QuestionQuery { Text = text["filter:".Length..], Tracks = [MlPrep.Core.Content.Track.MlFundamentals], Levels = [MlPrep.Core.Content.Level.Intermediate] }
                : new QuestionQuery { Text = text };
            var terms = SearchTerms.Parse(query.Text, database.Bank.Thesaurus);
            var steps = new Dictionary<string, List<double>>();
            for (var i = 0; i < 200; i++)
            {
                var clock = Stopwatch.StartNew();
                var top = await database.Db.TopRankingAsync(terms, 20, filtered ? query : null);
                Add(steps, "top ranking", clock);
                if (top is not null)
                {
                    var page = top.Docs.Take(20).ToList();
                    var ids = page.Select(d => d.QuestionId).ToList();
                    clock.Restart();
                    var rows = await database.Db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToListAsync();
                    Add(steps, "rows", clock);
                    clock.Restart();
                    _ = await database.Db.SnippetsAsync(terms, rows);
                    Add(steps, "snippets", clock);
                    clock.Restart();
                    var highlighter = new MlPrep.Core.Storage.Fts5.Fts5Highlighter(terms);
                    Add(steps, "  highlighter setup", clock);
                    clock.Restart();
                    foreach (var row in rows)
                    {
                        _ = highlighter.Snippet(row.SearchText);
                    }

                    Add(steps, $"  20 body snippets ({rows.Sum(r => r.SearchText.Length) / 1024} KB)", clock);
                }

                clock.Restart();
                _ = SearchTerms.Parse(query.Text, database.Bank.Thesaurus);
                Add(steps, "parse", clock);
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
