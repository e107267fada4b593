using System.Net;
using System.Text.Json;
using MlPrep.Tests.Shared;
using MlPrep.Web.Tests.Support;

namespace MlPrep.Web.Tests.Questions;

/// <summary>The app configured for PostgreSQL: it migrates, syncs and serves search from the same pages and API.</summary>
public class PostgresWebTests
{
    [PostgresFact]
    public async Task PostgresConfiguration_ServesSearchAndHealth()
    {
        await using var factory = new PostgresWebFactory();
        using var client = factory.CreateClient();

        using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        Assert.Contains("PostgreSQL", health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("data").GetProperty("database").GetString(), StringComparison.Ordinal);

        using var search = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=ridge", UriKind.Relative)));
        Assert.Contains(search.RootElement.GetProperty("items")[0].GetProperty("id").GetString(), new[] { "ML-003", "ML-021" });

        using var page = await client.GetAsync(new Uri("/questions?q=calibrat&level=advanced", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("EVAL-003", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
