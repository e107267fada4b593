using Microsoft.EntityFrameworkCore;

namespace MlPrep.Core.Storage;

/// <summary>The database providers MlPrep runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file in the data folder; the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for a hosted installation shared by many users.</summary>
    Postgres,
}

/// <summary>Where MlPrep keeps its database (configuration section <c>Database</c>).</summary>
public sealed class StorageOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The folder for the SQLite file. Default: <c>MLPREP_DATA</c>, else the user's local data folder + <c>mlprep</c>.</summary>
    public string? DataFolder { get; set; }

    /// <summary>The PostgreSQL connection string (required for <see cref="DatabaseProvider.Postgres"/>), or a full SQLite one to override the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The data folder that applies: the configured one, else <c>MLPREP_DATA</c>, else the per-user default.</summary>
    public string ResolveDataFolder(Func<string, string?> getVariable)
    {
        var folder = DataFolder;
        if (string.IsNullOrWhiteSpace(folder))
        {
            folder = getVariable("MLPREP_DATA");
        }

        if (string.IsNullOrWhiteSpace(folder))
        {
            folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "mlprep");
        }

        return Path.GetFullPath(folder);
    }

    /// <summary>Points a DbContext at this database, creating the data folder when SQLite needs it.</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, Func<string, string?> getVariable) => Provider switch
    {
        DatabaseProvider.Postgres => builder.UseNpgsql(RequireConnectionString()),
        _ => builder.UseSqlite(SqliteConnectionString(getVariable)),
    };

    /// <summary>A new DbContext for this database (the caller disposes it), optionally with interceptors (tests count commands with one).</summary>
    public MlPrepDb CreateDb(Func<string, string?> getVariable, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) => Provider switch
    {
        DatabaseProvider.Postgres => new PostgresMlPrepDb((DbContextOptions<PostgresMlPrepDb>)Configure(new DbContextOptionsBuilder<PostgresMlPrepDb>(), getVariable).AddInterceptors(interceptors).Options),
        _ => new SqliteMlPrepDb((DbContextOptions<SqliteMlPrepDb>)Configure(new DbContextOptionsBuilder<SqliteMlPrepDb>(), getVariable).AddInterceptors(interceptors).Options),
    };

    /// <summary>A description safe to log: the provider and the file or server, never a password.</summary>
    public string Describe(Func<string, string?> getVariable) => Provider switch
    {
        DatabaseProvider.Postgres => "PostgreSQL " + new Npgsql.NpgsqlConnectionStringBuilder(RequireConnectionString()) { Password = null }.ConnectionString,
        _ => "SQLite " + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(SqliteConnectionString(getVariable)).DataSource,
    };

    private string SqliteConnectionString(Func<string, string?> getVariable)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        var folder = ResolveDataFolder(getVariable);
        Directory.CreateDirectory(folder);
        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "mlprep.db") }.ConnectionString;
    }

    private string RequireConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new InvalidOperationException("Database:Provider is Postgres but Database:ConnectionString is empty. Set it, e.g. Database__ConnectionString=\"Host=127.0.0.1;Database=mlprep;Username=mlprep\".")
            : ConnectionString;
}
