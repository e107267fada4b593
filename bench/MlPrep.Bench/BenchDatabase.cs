using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Storage;

namespace MlPrep.Bench;

/// <summary>A SQLite database in the temp folder, migrated and synced with a synthetic bank of a given size.</summary>
/// <remarks>Building 100,000 questions into SQLite takes minutes, so the file is kept under a name derived
/// from the bank's content and the Core assembly: a later run with the same bank and code finds it, and
/// its sync then only compares content hashes and writes nothing, as the app does on a warm start. One
/// database is kept per size (about 2 GB for 100,000 questions); delete <c>$TMPDIR/mlprep-bench</c> to
/// reclaim the space.</remarks>
public sealed class BenchDatabase : IDisposable
{
    private static BenchDatabase? _current;

    private BenchDatabase(int questions, ContentBank bank, MlPrepDb db)
    {
        Questions = questions;
        Bank = bank;
        Db = db;
    }

    public int Questions { get; }

    public ContentBank Bank { get; }

    /// <summary>A context for queries, like the one the app's pool hands to a request.</summary>
    public MlPrepDb Db { get; }

    /// <summary>True once the caller has run its queries enough for the JIT and EF Core's query cache to settle.</summary>
    public bool Primed { get; set; }

    /// <summary>The database for this size, reused while the size stays the same.</summary>
    /// <remarks>Benchmarks run in process, ordered by size (<see cref="LatencyConfig"/>), so each size
    /// is generated and synced once per run; the previous size is released first so its bank does not
    /// sit in the heap while the next one is measured.</remarks>
    public static async Task<BenchDatabase> SharedAsync(int questions, TextWriter log)
    {
        if (_current?.Questions == questions)
        {
            return _current;
        }

        _current?.Dispose();
        _current = null;
        GC.Collect();
        _current = await OpenAsync(questions, log);
        return _current;
    }

    public static async Task<BenchDatabase> OpenAsync(int questions, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var real = new ContentLoader(TimeProvider.System).Load(ContentRoot.Find()).Bank;
        var bank = SyntheticBank.Generate(real, questions, renderHtml: false);
        log.WriteLine($"// bank: {bank.Questions.Length} questions ({real.Questions.Length} real) generated in {clock.Elapsed.TotalSeconds:F1} s");

        var cache = Path.Combine(Path.GetTempPath(), "mlprep-bench");
        var folder = Path.Combine(cache, Fingerprint(bank));
        var ready = Path.Combine(folder, "ready");
        if (!File.Exists(ready) && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true); // left by an interrupted run
        }

        // The real content changes often; keep one database per size rather than one per content version.
        foreach (var stale in Directory.Exists(cache) ? Directory.GetDirectories(cache, $"{questions}-*") : [])
        {
            if (stale != folder)
            {
                Directory.Delete(stale, recursive: true);
            }
        }

        var options = new StorageOptions { DataFolder = folder };
        clock.Restart();
        await using (var setup = options.CreateDb(_ => null))
        {
            // What the app does at start (StorageSetup): migrate, WAL, sync.
            await setup.Database.MigrateAsync();
            await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var report = await new ContentSync(setup, TimeProvider.System).SyncAsync(bank);
            if (report.ChangedAnything)
            {
                // The first sync leaves a WAL as large as the database; fold it in to halve the disk used.
                await setup.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            }

            log.WriteLine($"// database {folder}: migrate + sync ({report}) in {clock.Elapsed.TotalSeconds:F1} s");
        }

        await File.WriteAllTextAsync(ready, "");
        return new BenchDatabase(questions, bank, options.CreateDb(_ => null));
    }

    public void Dispose() => Db.Dispose();

    private static string Fingerprint(ContentBank bank)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The schema (migrations are applied on open anyway) and the search text; other code changes reuse the
        // database, and the sync on open rebuilds whatever derived data is stale (search text, best-match lists).
        var migrations = typeof(MlPrepDb).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).FirstOrDefault())
            .OfType<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().Select(m => m.Id).Order(StringComparer.Ordinal);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join(",", migrations) + $" v{QuestionRecord.SearchTextVersion}\n"));
        foreach (var question in bank.Questions)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(question.Id + " " + question.ContentHash + "\n"));
        }

        return $"{bank.Questions.Length}-{Convert.ToHexStringLower(hash.GetHashAndReset())[..12]}";
    }
}
