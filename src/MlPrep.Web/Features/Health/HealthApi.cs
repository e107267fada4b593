using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlPrep.Core.Content;

namespace MlPrep.Web.Features.Health;

/// <summary><c>GET /health</c>: healthy when the bank loaded with questions and no content errors.</summary>
public static class HealthApi
{
    public static void AddHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");

    public static void MapHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
            }),
        });
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
