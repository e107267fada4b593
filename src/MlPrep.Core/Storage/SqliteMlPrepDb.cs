using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MlPrep.Core.Content;
using MlPrep.Core.Search;
using MlPrep.Core.Storage.Fts5;

namespace MlPrep.Core.Storage;

/// <summary>The embedded default: SQLite with an FTS5 index (porter stemming, bm25 with the title weighted highest).</summary>
/// <remarks>The MATCH expression is always a parameter built by <see cref="SearchTerms.ToFts5"/>; only
/// fixed SQL fragments are concatenated.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "EF1003", Justification = "Only fixed SQL fragments are concatenated; user text is always a parameter.")]
public sealed class SqliteMlPrepDb(DbContextOptions<SqliteMlPrepDb> options) : MlPrepDb(options)
{
    // bm25 column weights: question_id (not indexed), title, topics, body.
    internal const string Bm25 = "bm25(question_search, 0.0, 10.0, 4.0, 1.0)";

    private bool _indexRebuilt;

    /// <summary>When search switches from scoring every match to the precomputed best matches (tests lower the limits to exercise it on a small bank).</summary>
    public SearchTuning SearchTuning { get; set; } = SearchTuning.Default;

    /// <summary>Above this many changed rows, rebuilding the whole index beats row-by-row updates.</summary>
    private const int RebuildThreshold = 500;

    public override Task<List<DayCount>> ReviewsPerDayAsync(string userId, DateTime since, CancellationToken cancellationToken = default) =>
        Database.SqlQuery<DayCount>($"""
            SELECT substr(reviewed_at, 1, 10) AS "Day", count(*) AS "Count"
            FROM review_logs
            WHERE user_id = {userId} AND undone_at IS NULL AND reviewed_at >= {since}
            GROUP BY 1
            """).ToListAsync(cancellationToken);

    public override IQueryable<SearchHit> Match(SearchTerms terms)
    {
        var all = terms.ToFts5(requireAll: true);
        if (terms.Groups.Length == 1)
        {
            return Set<SearchHit>().FromSqlRaw(
                $"SELECT question_id, 0 AS tier, -{Bm25} AS score FROM question_search WHERE question_search MATCH {{0}}", all);
        }

        // Questions that match every term come first; those matching only some follow.
        var some = $"({terms.ToFts5(requireAll: false)}) NOT ({all})";
        return Set<SearchHit>().FromSqlRaw(
            $"SELECT question_id, 0 AS tier, -{Bm25} AS score FROM question_search WHERE question_search MATCH {{0}} " +
            $"UNION ALL SELECT question_id, 1 AS tier, -{Bm25} AS score FROM question_search WHERE question_search MATCH {{1}}",
            all, some);
    }

    /// <remarks>Built in memory from the rows' text (see <see cref="Fts5Highlighter"/>) rather than with FTS5's
    /// <c>snippet()</c>, which re-tokenizes every result's whole body.</remarks>
    public override Task<List<SearchSnippet>> SnippetsAsync(SearchTerms terms, IReadOnlyList<SnippetSource> rows, CancellationToken cancellationToken = default)
    {
        var highlighter = new Fts5Highlighter(terms);
        return Task.FromResult(rows.Select(r => new SearchSnippet
        {
            QuestionId = r.QuestionId,
            Title = highlighter.Highlight(r.Title),
            Snippet = highlighter.Snippet(r.SearchText),
        }).ToList());
    }

    public override async Task ReindexAsync(IReadOnlyCollection<QuestionRecord> changed, IReadOnlyCollection<string> removedIds, CancellationToken cancellationToken = default)
    {
        var connection = Database.GetDbConnection();
        var transaction = Database.CurrentTransaction?.GetDbTransaction();
        if (changed.Count + removedIds.Count > RebuildThreshold)
        {
            await Execute(connection, transaction, "DELETE FROM question_search", [], cancellationToken);
            _indexRebuilt = true;
            changed = await Questions.AsNoTracking().Where(q => q.RetiredAt == null).ToListAsync(cancellationToken);
        }
        else
        {
            foreach (var id in removedIds.Concat(changed.Select(c => c.Id)))
            {
                await Execute(connection, transaction, "DELETE FROM question_search WHERE question_id = $id", [("$id", id)], cancellationToken);
            }
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO question_search (rowid, question_id, title, topics, body) VALUES ($doc, $id, $title, $topics, $body)";
        var parameters = new[] { "$doc", "$id", "$title", "$topics", "$body" }.Select(name =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        // Rows are numbered above any row the best-match lists may point at, so a number is never reused.
        var doc = await Fts5TopPostings.NextDocAsync(connection, transaction, cancellationToken);
        foreach (var record in changed.Where(c => c.RetiredAt is null))
        {
            parameters[0].Value = doc++;
            parameters[1].Value = record.Id;
            parameters[2].Value = record.Title;
            parameters[3].Value = record.TopicText;
            parameters[4].Value = record.SearchText;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public override Task RefreshSearchAsync(Thesaurus thesaurus, CancellationToken cancellationToken = default) =>
        OnOpenConnectionAsync(async connection =>
        {
            var transaction = Database.CurrentTransaction?.GetDbTransaction();
            await Fts5TopPostings.RefreshAsync(connection, transaction, thesaurus, SearchTuning, force: _indexRebuilt, cancellationToken);
            _indexRebuilt = false;
            return true;
        }, cancellationToken);

    public override Task<TopRanking?> TopRankingAsync(SearchTerms terms, int needed, QuestionQuery? filter = null, CancellationToken cancellationToken = default) =>
        OnOpenConnectionAsync(connection => Fts5TopPostings.RankAsync(connection, terms, needed, filter, SearchTuning, cancellationToken), cancellationToken);

    /// <summary>Runs work on the context's connection, opened for it if the caller has not opened it already.</summary>
    private async Task<T> OnOpenConnectionAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work(Database.GetDbConnection());
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    private static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object Value)[] values, CancellationToken cancellationToken)
    {
        await using var command = Fts5TopPostings.Command(connection, transaction, sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
