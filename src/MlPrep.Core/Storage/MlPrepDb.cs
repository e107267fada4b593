using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Interviews;
using MlPrep.Core.Practice;
using MlPrep.Core.Search;

namespace MlPrep.Core.Storage;

/// <summary>MlPrep's database: one model for SQLite and PostgreSQL.</summary>
/// <remarks>Each provider gets a thin subclass because EF Core keeps one migration set per context
/// type, and because full-text search is the one thing the two engines do differently (FTS5 vs
/// tsvector). Everything else is plain LINQ over <see cref="Questions"/>.</remarks>
public abstract class MlPrepDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<QuestionRecord> Questions => Set<QuestionRecord>();

    public DbSet<ReviewCard> ReviewCards => Set<ReviewCard>();

    public DbSet<ReviewLog> ReviewLogs => Set<ReviewLog>();

    public DbSet<Deck> Decks => Set<Deck>();

    public DbSet<PracticeSettings> PracticeSettings => Set<PracticeSettings>();

    public DbSet<MockSession> MockSessions => Set<MockSession>();

    public DbSet<MockAnswer> MockAnswers => Set<MockAnswer>();

    /// <summary>Every active question the search terms match, with its tier (0 when it matches all terms) and score (higher is better).</summary>
    public abstract IQueryable<SearchHit> Match(SearchTerms terms);

    /// <summary>Highlighted title and body excerpt for the given questions; matched words are wrapped in <see cref="SearchSnippet.MarkStart"/> and <see cref="SearchSnippet.MarkEnd"/>.</summary>
    public abstract Task<List<SearchSnippet>> SnippetsAsync(SearchTerms terms, IReadOnlyList<SnippetSource> rows, CancellationToken cancellationToken = default);

    /// <summary>Brings derived search structures up to date after a sync (SQLite: the best-match lists for large banks).</summary>
    public virtual Task RefreshSearchAsync(Content.Thesaurus thesaurus, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Ranks a search without scoring every match, or null when this database ranks it exactly instead.</summary>
    /// <remarks><c>needed</c> is how many results the caller needs (the end of the requested page). With a
    /// <c>filter</c>, the database applies what it can while reading candidates; the caller still checks each
    /// result against the whole filter.</remarks>
    public virtual Task<TopRanking?> TopRankingAsync(SearchTerms terms, int needed, QuestionQuery? filter = null, CancellationToken cancellationToken = default) => Task.FromResult<TopRanking?>(null);

    /// <summary>Brings the full-text index up to date after a sync changed these rows.</summary>
    public abstract Task ReindexAsync(IReadOnlyCollection<QuestionRecord> changed, IReadOnlyCollection<string> removedIds, CancellationToken cancellationToken = default);

    /// <summary>Reviews per UTC day (not undone) since <paramref name="since"/>, as <c>yyyy-MM-dd</c> and a count.</summary>
    /// <remarks>Provider SQL because the per-row date function EF Core emits for <c>DateTime.Date</c> costs more than the
    /// rest of the dashboard together at 100,000 log rows; these read the covering index alone.</remarks>
    public abstract Task<List<DayCount>> ReviewsPerDayAsync(string userId, DateTime since, CancellationToken cancellationToken = default);

    /// <remarks>Every <see cref="DateTime"/> column holds UTC, and reads come back marked as UTC: SQLite stores text
    /// without a kind, and the practice code compares and converts these instants without re-marking them.</remarks>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var question = modelBuilder.Entity<QuestionRecord>();
        question.ToTable("questions");
        question.HasKey(q => q.Id);
        question.Property(q => q.Id).HasMaxLength(32);
        question.Property(q => q.ContentHash).HasMaxLength(64);
        // Long text goes last: SQLite stores a row's columns in order, so every column after a long value
        // costs an overflow-page walk to read (filters read retired_at, track, level on every search hit).
        var order = 0;
        foreach (var property in typeof(QuestionRecord).GetProperties())
        {
            var last = property.Name is nameof(QuestionRecord.TopicText) or nameof(QuestionRecord.SearchText);
            question.Property(property.Name).HasColumnOrder(last ? 100 + order++ : order++);
        }
        question.HasIndex(q => new { q.Track, q.Number });

        // List pages: filters on track, level, kind and difficulty, the count and the default order are read
        // from this index alone. Single-column indexes on level or difficulty made the planner look up each
        // row (65 ms for a level filter at 100,000 questions, against 8 ms scanning this index).
        question.HasIndex(q => new { q.Track, q.Level, q.Number, q.Id, q.Kind, q.Difficulty }, "IX_questions_listing").HasFilter("retired_at IS NULL");

        modelBuilder.Entity<SearchHit>().HasNoKey().ToView(null);
        var meta = modelBuilder.Entity<AppMeta>();
        meta.ToTable("app_meta");
        meta.HasKey(m => m.Key);
        meta.Property(m => m.Key).HasMaxLength(64);
        meta.Property(m => m.Value).HasMaxLength(200);
        PracticeModel.Configure(modelBuilder);
        InterviewModel.Configure(modelBuilder);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

/// <summary>A day (<c>yyyy-MM-dd</c>) and how many reviews it had.</summary>
public sealed record DayCount(string Day, int Count);

/// <summary>The UTC instant of a stored <see cref="DateTime"/> (stored values are UTC whatever kind they carry).</summary>
public static class UtcInstants
{
    public static DateTimeOffset AsUtcInstant(this DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>Reads a stored <see cref="DateTime"/> as UTC.</summary>
internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
