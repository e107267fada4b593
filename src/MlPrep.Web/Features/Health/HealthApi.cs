using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlPrep.Core.Content;

namespace MlPrep.Web.Features.Health;

/// <summary><c>GET /healthz</c> (and <c>/health</c>): healthy when the bank loaded with questions and no content errors, and the database answers.</summary>
public static class HealthApi
{
    public static void AddHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddCheck<ContentHealthCheck>("content").AddCheck<DatabaseHealthCheck>("database");

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", Options);
        app.MapHealthChecks("/health", Options);
    }

    private static readonly Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions Options = new()
    {
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
            }),
    };
}

/// <summary>Reports the loaded bank: unhealthy when empty, degraded when some files had errors.</summary>
internal sealed class ContentHealthCheck(ContentLoadResult content) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["questions"] = content.Bank.Questions.Length,
            ["guides"] = content.Bank.Guides.Length,
            ["errors"] = content.ErrorCount,
        };
        var result = content.Bank.Questions.Length == 0
            ? HealthCheckResult.Unhealthy("no questions loaded", data: data)
            : content.HasErrors
                ? HealthCheckResult.Degraded($"{content.ErrorCount} content file(s) have errors and were left out", data: data)
                : HealthCheckResult.Healthy($"{content.Bank.Questions.Length} questions loaded", data);
        return Task.FromResult(result);
    }
}

/// <summary>Reports whether the database answers and what the start-up sync did.</summary>
internal sealed class DatabaseHealthCheck(MlPrep.Core.Storage.MlPrepDb db, MlPrep.Web.Features.Storage.DatabaseStatus status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["database"] = status.Description };
        if (status.LastSync is { } sync)
        {
            data["last_sync"] = sync.ToString();
        }

        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("database answers", data)
            : HealthCheckResult.Unhealthy("database does not answer", data: data);
    }
}
