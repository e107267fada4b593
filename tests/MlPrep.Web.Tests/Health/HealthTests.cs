using System.Net;
using System.Text.Json;
using MlPrep.Web.Tests.Support;

namespace MlPrep.Web.Tests.Health;

public class HealthTests(MlPrepWebFactory factory) : IClassFixture<MlPrepWebFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/health")]
    public async Task Health_BundledBank_IsHealthyWithCountsAndSync(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var content = json.RootElement.GetProperty("checks").GetProperty("content");
        Assert.True(content.GetProperty("data").GetProperty("questions").GetInt32() >= 30);
        Assert.Equal(0, content.GetProperty("data").GetProperty("errors").GetInt32());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Contains("SQLite", database.GetProperty("data").GetProperty("database").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiPath_IsProblemDetailsWithoutStackTrace()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/no/such/thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_EmptyContentFolder_IsUnhealthy()
    {
        var empty = Directory.CreateTempSubdirectory("mlprep-empty-").FullName;
        try
        {
            using var app = factory.WithWebHostBuilder(b => b.UseSetting("Content:Path", empty));
            using var client = app.CreateClient();

            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
