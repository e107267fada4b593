using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;

namespace MlPrep.Web.Features.Storage;

/// <summary>The database (SQLite by default, PostgreSQL by configuration), migrated and synced with the content before the app serves.</summary>
public static class StorageSetup
{
    public static void AddStorage(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Database").Get<StorageOptions>() ?? new StorageOptions();
        var configuration = builder.Configuration;
        Func<string, string?> variables = name => configuration[name];
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new StorageVariables(variables));
        if (options.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContextPool<PostgresMlPrepDb>(o => options.Configure(o, variables));
            builder.Services.AddScoped<MlPrepDb>(s => s.GetRequiredService<PostgresMlPrepDb>());
        }
        else
        {
            builder.Services.AddDbContextPool<SqliteMlPrepDb>(o => options.Configure(o, variables));
            builder.Services.AddScoped<MlPrepDb>(s => s.GetRequiredService<SqliteMlPrepDb>());
        }

        builder.Services.AddScoped<QuestionSearch>();
        builder.Services.AddSingleton<DatabaseStatus>();
        builder.Services.AddHostedService<DatabaseStartup>();
    }
}

/// <summary>Where configuration values such as <c>MLPREP_DATA</c> come from (environment or settings).</summary>
public sealed record StorageVariables(Func<string, string?> Get);

/// <summary>What the start-up sync did, for the health endpoint and the logs.</summary>
public sealed class DatabaseStatus
{
    public string Description { get; set; } = "";
    public SyncReport? LastSync { get; set; }
}

/// <summary>Migrates the database and syncs the content into it before the server accepts requests.</summary>
internal sealed class DatabaseStartup(IServiceProvider services, ContentBank bank, StorageOptions options, StorageVariables variables, DatabaseStatus status, TimeProvider time, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        status.Description = options.Describe(variables.Get);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MlPrepDb>();
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // Readers never wait for the (rare) sync writer.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            status.LastSync = await new ContentSync(db, time).SyncAsync(bank, cancellationToken);
            logger.LogInformation("Database {Database}: content sync {Report}", status.Description, status.LastSync);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogCritical("Cannot open the database ({Database}): {Message}. Check Database:Provider, Database:ConnectionString or MLPREP_DATA.", status.Description, e.GetBaseException().Message);
            throw new InvalidOperationException($"Cannot open the database ({status.Description}): {e.GetBaseException().Message}", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
