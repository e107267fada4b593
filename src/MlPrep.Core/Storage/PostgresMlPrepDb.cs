using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Search;

namespace MlPrep.Core.Storage;

/// <summary>The hosted option: PostgreSQL with a generated, GIN-indexed tsvector (title weight A, topics B, body C).</summary>
/// <remarks>The SQL is assembled from fixed fragments and numbered placeholders only; every piece of
/// user text travels as a parameter (see <see cref="SearchTerms.ToTsQuery"/>).</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "EF1003", Justification = "Only fixed SQL fragments are concatenated; user text is always a parameter.")]
public sealed class PostgresMlPrepDb(DbContextOptions<PostgresMlPrepDb> options) : MlPrepDb(options)
{
    private const string Headline = "'StartSel=\"\u0002\", StopSel=\"\u0003\"";

    public override Task<List<DayCount>> ReviewsPerDayAsync(string userId, DateTime since, CancellationToken cancellationToken = default) =>
        Database.SqlQuery<DayCount>($"""
            SELECT to_char(reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "Day", count(*)::int AS "Count"
            FROM review_logs
            WHERE user_id = {userId} AND undone_at IS NULL AND reviewed_at >= {since}
            GROUP BY 1
            """).ToListAsync(cancellationToken);

    public override IQueryable<SearchHit> Match(SearchTerms terms)
    {
        var (any, anyArgs) = terms.ToTsQuery(requireAll: false, firstParameter: 0);
        var (all, allArgs) = terms.ToTsQuery(requireAll: true, firstParameter: anyArgs.Length);
        return Set<SearchHit>().FromSqlRaw(
            "SELECT q.id AS question_id, CASE WHEN q.search_vector @@ a.query THEN 0 ELSE 1 END AS tier, " +
            "ts_rank(q.search_vector, o.query)::double precision AS score " +
            $"FROM questions q, (SELECT {any} AS query) o, (SELECT {all} AS query) a " +
            "WHERE q.retired_at IS NULL AND q.search_vector @@ o.query",
            [.. anyArgs, .. allArgs]);
    }

    public override Task<List<SearchSnippet>> SnippetsAsync(SearchTerms terms, IReadOnlyList<SnippetSource> rows, CancellationToken cancellationToken = default)
    {
        var (any, anyArgs) = terms.ToTsQuery(requireAll: false, firstParameter: 0);
        return Database.SqlQueryRaw<SearchSnippet>(
            $"SELECT q.id AS \"QuestionId\", ts_headline('english', q.title, o.query, {Headline}, HighlightAll=true') AS \"Title\", " +
            $"ts_headline('english', q.search_text, o.query, {Headline}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=\" … \"') AS \"Snippet\" " +
            $"FROM questions q, (SELECT {any} AS query) o WHERE q.id = ANY({{{anyArgs.Length}}})",
            [.. anyArgs, rows.Select(r => r.QuestionId).ToArray()])
            .ToListAsync(cancellationToken);
    }

    /// <summary>Nothing to do: the tsvector is a generated column that PostgreSQL keeps current.</summary>
    public override Task ReindexAsync(IReadOnlyCollection<QuestionRecord> changed, IReadOnlyCollection<string> removedIds, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
