using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Storage;

namespace MlPrep.Cli.Shared;

/// <summary>Opens the same database the web app uses, migrated and synced with the bank.</summary>
/// <remarks>Configured like the web app through the environment: <c>MLPREP_DATA</c> (the SQLite folder),
/// or <c>Database__Provider=Postgres</c> with <c>Database__ConnectionString</c>, so a user can switch
/// between the browser and the terminal on one history.</remarks>
internal static class CliDatabase
{
    public static async Task<MlPrepDb?> OpenAsync(ContentBank bank, CliEnvironment env, CancellationToken cancellationToken)
    {
        var options = new StorageOptions
        {
            Provider = Enum.TryParse<DatabaseProvider>(env.GetVariable("Database__Provider"), ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite,
            ConnectionString = env.GetVariable("Database__ConnectionString"),
            DataFolder = env.GetVariable("Database__DataFolder"),
        };
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            env.Error.WriteLine("error: Database__Provider is Postgres but Database__ConnectionString is not set.");
            return null;
        }

        var db = options.CreateDb(env.GetVariable);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            await new ContentSync(db, env.Time).SyncAsync(bank, cancellationToken);
            return db;
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            env.Error.WriteLine($"error: cannot open the database ({options.Describe(env.GetVariable)}): {ex.GetBaseException().Message}");
            await db.DisposeAsync();
            return null;
        }
    }
}
