using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MlPrep.Core.Content;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Storage;

public class ContentSyncTests
{
    private static readonly TimeProvider Time = FixedTime.At(2026, 11, 22);

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [PostgresFact]
    public void PostgresIsAvailable() => Assert.Null(PostgresCluster.Unavailable);

    [Theory, MemberData(nameof(Providers))]
    public async Task FirstSync_AddsEveryQuestion_SecondSyncWritesNothing(string provider)
    {
        var bank = LoadBundled();
        var options = TestDatabases.Create(provider);
        await using (var db = await OpenAsync(options))
        {
            var first = await new ContentSync(db, Time).SyncAsync(bank);
            Assert.Equal(new SyncReport(bank.Questions.Length, 0, 0, 0), first);
            Assert.Equal(bank.Questions.Length, await db.Questions.CountAsync());
        }

        var writes = new WriteCounter();
        await using (var db = await OpenAsync(options, writes))
        {
            var second = await new ContentSync(db, Time).SyncAsync(bank);

            Assert.Equal(new SyncReport(0, 0, 0, bank.Questions.Length), second);
            Assert.True(writes.Count == 0, "Commands that write: " + string.Join("\n", writes.Commands));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task IndexFromAnotherSearchTextVersion_IsRebuiltOnce(string provider)
    {
        var bank = LoadBundled();
        var options = TestDatabases.Create(provider);
        await using (var db = await OpenAsync(options))
        {
            await new ContentSync(db, Time).SyncAsync(bank);

            // A database indexed by older code: stale search text for one question and an older version stamp.
            var stale = await db.Questions.FirstAsync(q => q.Id == "ML-002");
            stale.SearchText = "nothing useful";
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await db.SaveChangesAsync();
                await db.ReindexAsync([stale], []);
                await transaction.CommitAsync();
            }

            await db.Set<AppMeta>().Where(m => m.Key == AppMeta.SearchTextVersionKey).ExecuteUpdateAsync(u => u.SetProperty(m => m.Value, "0"));
            var before = await new QuestionSearch(db, bank).QueryAsync(new QuestionQuery { Text = "irreducible", PageSize = 100 });
            Assert.DoesNotContain("ML-002", before.Items.Select(i => i.Question.Id));
        }

        await using (var db = await OpenAsync(options))
        {
            var rebuilt = await new ContentSync(db, Time).SyncAsync(bank);
            Assert.Equal(new SyncReport(0, bank.Questions.Length, 0, 0), rebuilt);
            var page = await new QuestionSearch(db, bank).QueryAsync(new QuestionQuery { Text = "irreducible", PageSize = 100 });
            Assert.Contains("ML-002", page.Items.Select(i => i.Question.Id));
        }

        var writes = new WriteCounter();
        await using (var db = await OpenAsync(options, writes))
        {
            Assert.Equal(new SyncReport(0, 0, 0, bank.Questions.Length), await new ContentSync(db, Time).SyncAsync(bank));
            Assert.True(writes.Count == 0, "Commands that write: " + string.Join("\n", writes.Commands));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ChangedQuestion_IsUpdatedAndReindexed(string provider)
    {
        var bank = LoadBundled();
        await using var db = await OpenAsync(TestDatabases.Create(provider));
        await new ContentSync(db, Time).SyncAsync(bank);
        var original = bank.Questions[0];
        var changed = original with { Title = "Zanzibarian quokka regularization", ContentHash = "changed" };
        var edited = new ContentBank(bank.Questions.Select(q => q.Id == original.Id ? changed : q), bank.Guides, bank.Thesaurus);

        var report = await new ContentSync(db, Time).SyncAsync(edited);

        Assert.Equal(1, report.Updated);
        var page = await new QuestionSearch(db, edited).QueryAsync(new QuestionQuery { Text = "quokka" });
        Assert.Equal([original.Id], page.Items.Select(i => i.Question.Id));
        var old = await new QuestionSearch(db, edited).QueryAsync(new QuestionQuery { Text = original.Title });
        Assert.DoesNotContain(old.Items, i => i.Question.Id == original.Id && i.TitleHtml != null && i.TitleHtml.Contains(original.Title, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RemovedQuestion_IsRetiredNotDeleted_AndComesBack(string provider)
    {
        var bank = LoadBundled();
        await using var db = await OpenAsync(TestDatabases.Create(provider));
        await new ContentSync(db, Time).SyncAsync(bank);
        var removed = bank.Questions.First(q => q.Id == "ML-003");
        var without = new ContentBank(bank.Questions.Where(q => q != removed), bank.Guides, bank.Thesaurus);

        var report = await new ContentSync(db, Time).SyncAsync(without);

        Assert.Equal(1, report.Retired);
        var row = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == "ML-003");
        Assert.NotNull(row.RetiredAt);
        var search = new QuestionSearch(db, without);
        Assert.DoesNotContain((await search.QueryAsync(new QuestionQuery { Text = "lasso", PageSize = 100 })).Items, i => i.Question.Id == "ML-003");
        Assert.DoesNotContain((await search.QueryAsync(new QuestionQuery { PageSize = 100, Tracks = [Track.MlFundamentals] })).Items, i => i.Question.Id == "ML-003");

        var back = await new ContentSync(db, Time).SyncAsync(bank);

        Assert.Equal(1, back.Updated);
        Assert.Null((await db.Questions.AsNoTracking().SingleAsync(q => q.Id == "ML-003")).RetiredAt);
        Assert.Contains((await new QuestionSearch(db, bank).QueryAsync(new QuestionQuery { Text = "lasso" })).Items, i => i.Question.Id == "ML-003");
    }

    internal static ContentBank LoadBundled()
    {
        var result = new ContentLoader(Time).Load(Repo.Content);
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == Severity.Error));
        return result.Bank;
    }

    internal static async Task<MlPrepDb> OpenAsync(StorageOptions options, IInterceptor? interceptor = null)
    {
        var db = interceptor is null ? options.CreateDb(_ => null) : options.CreateDb(_ => null, interceptor);
        await db.Database.MigrateAsync();
        return db;
    }

    /// <summary>Counts commands that are not reads.</summary>
    private sealed class WriteCounter : DbCommandInterceptor
    {
        public int Count => Commands.Count;

        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !command.CommandText.Contains("__EFMigrations", StringComparison.Ordinal))
            {
                Commands.Add(command.CommandText);
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !command.CommandText.Contains("__EFMigrations", StringComparison.Ordinal))
            {
                Commands.Add(command.CommandText);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
