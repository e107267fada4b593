using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Storage;

namespace MlPrep.Core.Search;

/// <summary>What a question list shows of a question.</summary>
public sealed record QuestionSummary(string Id, string Title, Track Track, Level Level, int Difficulty, Kind Kind, bool IsComplete);

/// <summary>One row of a question list; the HTML fields are set only for search results.</summary>
public sealed record QuestionListItem(QuestionSummary Question, string? TitleHtml, string? SnippetHtml);

/// <summary>A page of questions and where it sits in the whole result.</summary>
/// <remarks><see cref="TotalIsEstimate"/> is true when a search in a very large bank ranked its best matches
/// without counting every match (see <see cref="TopRanking"/>); the total is then approximate.</remarks>
public sealed record QuestionPage(QuestionQuery Query, SearchTerms? Terms, IReadOnlyList<QuestionListItem> Items, int Total, bool TotalIsEstimate = false)
{
    public int PageCount => Math.Max(1, (Total + Query.PageSize - 1) / Query.PageSize);
}

/// <summary>The one service behind question lists and search, on either database.</summary>
/// <remarks>Filters are written once, in LINQ, and apply the same way to a plain listing and to search
/// hits from FTS5 or tsvector; only the matching itself is provider-specific (<see cref="MlPrepDb.Match"/>).</remarks>
public sealed class QuestionSearch(MlPrepDb db, ContentBank bank)
{
    /// <summary>Runs a list or search request and returns the requested page with highlighted snippets when searching.</summary>
    /// <remarks>The connection stays open for the whole request: opening it costs EF Core more than some of
    /// the queries (on SQLite each open registers EF Core's SQL functions again).</remarks>
    public async Task<QuestionPage> QueryAsync(QuestionQuery query, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await RunAsync(query, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<QuestionPage> RunAsync(QuestionQuery query, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query.Text, bank.Thesaurus);
        var skip = (query.Page - 1) * query.PageSize;
        if (terms.IsEmpty)
        {
            var filtered = Filter(query);
            var total = await filtered.CountAsync(cancellationToken);
            var ids = await Order(filtered, query.Sort).Skip(skip).Take(query.PageSize).Select(q => q.Id).ToListAsync(cancellationToken);
            var rows = await RowsAsync(ids, withText: false, cancellationToken);
            return new QuestionPage(query, query.Text.Length > 0 ? terms : null, [.. rows.Select(r => new QuestionListItem(r.Summary, null, null))], total);
        }

        int count;
        List<string> pageIds;
        var estimated = false;
        if (query.Sort == QuestionSort.Relevance && await TopAsync(query, terms, skip + query.PageSize, cancellationToken) is { } top)
        {
            (count, estimated) = (top.Total, true);
            pageIds = [.. top.Docs.Skip(skip).Take(query.PageSize).Select(d => d.QuestionId)];
        }
        else if (!query.HasFilters && query.Sort == QuestionSort.Relevance)
        {
            // No filter to apply: count and rank in the full-text index alone, without a lookup per match
            // (retired questions are never in the index).
            count = await db.Match(terms).CountAsync(cancellationToken);
            pageIds = await RankedMatches(terms).Skip(skip).Take(query.PageSize).Select(h => h.QuestionId).ToListAsync(cancellationToken);
        }
        else
        {
            var hits = Hits(query, terms);
            count = await hits.CountAsync(cancellationToken);
            pageIds = await OrderHits(hits, query.Sort).Skip(skip).Take(query.PageSize).Select(h => h.Question.Id).ToListAsync(cancellationToken);
        }

        var records = await RowsAsync(pageIds, withText: true, cancellationToken);
        var snippets = records.Count == 0
            ? []
            : (await db.SnippetsAsync(terms, [.. records.Select(r => new SnippetSource(r.Summary.Id, r.Summary.Title, r.SearchText!))], cancellationToken))
                .ToDictionary(s => s.QuestionId, StringComparer.Ordinal);
        var items = records.Select(r => snippets.TryGetValue(r.Summary.Id, out var s)
            ? new QuestionListItem(r.Summary, SearchSnippet.ToHtml(s.Title), SearchSnippet.ToHtml(s.Snippet))
            : new QuestionListItem(r.Summary, null, null)).ToList();
        return new QuestionPage(query, terms, items, count, estimated);
    }

    /// <summary>The requested page from the database's precomputed best matches, when it keeps them and they
    /// reach that page after filtering; null means rank every match instead.</summary>
    /// <remarks>The database applies what filters it can while reading candidates; every candidate is checked
    /// again against the loaded bank (which also drops retired questions). With filters, the estimated total
    /// is scaled by the share of the bank the filters keep.</remarks>
    private async Task<(List<RankedDoc> Docs, int Total)?> TopAsync(QuestionQuery query, SearchTerms terms, int needed, CancellationToken cancellationToken)
    {
        if (await db.TopRankingAsync(terms, needed, query.HasFilters ? query : null, cancellationToken) is not { } top)
        {
            return null;
        }

        var docs = top.Docs.Where(d => bank.Find(d.QuestionId) is { } q && query.Accepts(q)).ToList();
        if (docs.Count < needed)
        {
            return null;
        }

        var total = query.HasFilters ? (int)Math.Round(top.Total * Selectivity(query)) : top.Total;
        return (docs, Math.Max(total, docs.Count));
    }

    private static readonly ConditionalWeakTable<ContentBank, ConcurrentDictionary<string, double>> Selectivities = [];

    /// <summary>The share of the bank a filter keeps, to scale an estimated total (computed once per filter; the bank does not change while loaded).</summary>
    private double Selectivity(QuestionQuery query)
    {
        var cache = Selectivities.GetValue(bank, _ => new ConcurrentDictionary<string, double>(StringComparer.Ordinal));
        if (cache.Count > 1_000)
        {
            cache.Clear();
        }

        var key = (query with { Text = "", Sort = QuestionSort.Relevance }).ToQueryString(page: 1);
        return cache.GetOrAdd(key, _ => bank.Questions.Length == 0 ? 0 : (double)bank.Questions.Count(query.Accepts) / bank.Questions.Length);
    }

    /// <summary>The ids of every question the query selects, in its order (for previous / next links).</summary>
    public async Task<List<string>> IdsAsync(QuestionQuery query, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.Parse(query.Text, bank.Thesaurus);
        if (terms.IsEmpty && !query.HasFilters && query.Sort is QuestionSort.Relevance or QuestionSort.Track)
        {
            // The whole bank in its own order (track, then id): the loaded bank already holds it.
            return [.. bank.Questions.Select(q => q.Id)];
        }

        if (terms.IsEmpty)
        {
            return await Order(Filter(query), query.Sort).Select(q => q.Id).ToListAsync(cancellationToken);
        }

        return !query.HasFilters && query.Sort == QuestionSort.Relevance
            ? await RankedMatches(terms).Select(h => h.QuestionId).ToListAsync(cancellationToken)
            : await OrderHits(Hits(query, terms), query.Sort).Select(h => h.Question.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The rows for one page, in the page's order, with the searchable text when snippets are needed.</summary>
    /// <remarks><para>Ordering and paging select ids only: sorting whole rows would drag every match's long
    /// search text through the sorter, which at 100,000 questions costs more than the search itself.</para>
    /// <para>Only the columns a list shows are read (the rest of a row, its sync history, costs as much to
    /// read again as the search itself), with a compiled query, one per model, as a compiled query is bound
    /// to the model it first ran against (SQLite and PostgreSQL contexts may share a process).</para></remarks>
    private async Task<List<ListRow>> RowsAsync(List<string> ids, bool withText, CancellationToken cancellationToken)
    {
        var query = RowQueries.GetValue(db.Model, _ => EF.CompileAsyncQuery((MlPrepDb context, string[] wanted, bool text) =>
            context.Questions.AsNoTracking().Where(q => wanted.Contains(q.Id))
                .Select(q => new ListRow(new QuestionSummary(q.Id, q.Title, q.Track, q.Level, q.Difficulty, q.Kind, q.IsComplete), text ? q.SearchText : null))));
        var rows = new Dictionary<string, ListRow>(ids.Count, StringComparer.Ordinal);
        await foreach (var row in query(db, [.. ids], withText).WithCancellation(cancellationToken))
        {
            rows[row.Summary.Id] = row;
        }

        return [.. ids.Select(id => rows[id])];
    }

    private sealed record ListRow(QuestionSummary Summary, string? SearchText);

    private static readonly ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<MlPrepDb, string[], bool, IAsyncEnumerable<ListRow>>> RowQueries = [];

    private IOrderedQueryable<SearchHit> RankedMatches(SearchTerms terms) =>
        db.Match(terms).OrderBy(h => h.Tier).ThenByDescending(h => h.Score).ThenBy(h => h.QuestionId);

    private IQueryable<Hit> Hits(QuestionQuery query, SearchTerms terms) =>
        from hit in db.Match(terms)
        join question in Filter(query) on hit.QuestionId equals question.Id
        select new Hit { Question = question, Tier = hit.Tier, Score = hit.Score };

    private IQueryable<QuestionRecord> Filter(QuestionQuery query)
    {
        var questions = db.Questions.AsNoTracking().Where(q => q.RetiredAt == null);
        if (!query.Tracks.IsEmpty)
        {
            var tracks = query.Tracks.ToList();
            questions = questions.Where(q => tracks.Contains(q.Track));
        }

        if (!query.Levels.IsEmpty)
        {
            var levels = query.Levels.ToList();
            questions = questions.Where(q => levels.Contains(q.Level));
        }

        if (!query.Kinds.IsEmpty)
        {
            var kinds = query.Kinds.ToList();
            questions = questions.Where(q => kinds.Contains(q.Kind));
        }

        if (!query.Rounds.IsEmpty)
        {
            var rounds = query.Rounds.ToList();
            questions = questions.Where(q => q.Rounds.Any(r => rounds.Contains(r)));
        }

        if (!query.Topics.IsEmpty)
        {
            var topics = query.Topics.ToList();
            questions = questions.Where(q => q.Topics.Any(t => topics.Contains(t)));
        }

        if (query.MinDifficulty is { } min)
        {
            questions = questions.Where(q => q.Difficulty >= min);
        }

        if (query.MaxDifficulty is { } max)
        {
            questions = questions.Where(q => q.Difficulty <= max);
        }

        return questions;
    }

    private static IQueryable<QuestionRecord> Order(IQueryable<QuestionRecord> questions, QuestionSort sort) => sort switch
    {
        QuestionSort.Easiest => questions.OrderBy(q => q.Difficulty).ThenBy(q => q.Track).ThenBy(q => q.Number),
        QuestionSort.Hardest => questions.OrderByDescending(q => q.Difficulty).ThenBy(q => q.Track).ThenBy(q => q.Number),
        QuestionSort.Title => questions.OrderBy(q => q.Title).ThenBy(q => q.Id),
        _ => questions.OrderBy(q => q.Track).ThenBy(q => q.Number).ThenBy(q => q.Id),
    };

    private static IQueryable<Hit> OrderHits(IQueryable<Hit> hits, QuestionSort sort) => sort switch
    {
        QuestionSort.Easiest => hits.OrderBy(h => h.Question.Difficulty).ThenBy(h => h.Tier).ThenByDescending(h => h.Score),
        QuestionSort.Hardest => hits.OrderByDescending(h => h.Question.Difficulty).ThenBy(h => h.Tier).ThenByDescending(h => h.Score),
        QuestionSort.Title => hits.OrderBy(h => h.Question.Title).ThenBy(h => h.Question.Id),
        QuestionSort.Track => hits.OrderBy(h => h.Question.Track).ThenBy(h => h.Question.Number),
        _ => hits.OrderBy(h => h.Tier).ThenByDescending(h => h.Score).ThenBy(h => h.Question.Track).ThenBy(h => h.Question.Number),
    };

    private sealed class Hit
    {
        public required QuestionRecord Question { get; init; }
        public int Tier { get; init; }
        public double Score { get; init; }
    }
}
