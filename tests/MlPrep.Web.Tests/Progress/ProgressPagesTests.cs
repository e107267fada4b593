using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MlPrep.Web.Tests.Support;

namespace MlPrep.Web.Tests.Progress;

/// <summary>The dashboard, readiness, and data export / import over HTTP.</summary>
public sealed class ProgressPagesTests : IDisposable
{
    private readonly MlPrepWebFactory _factory = new();
    private readonly HttpClient _client;

    public ProgressPagesTests() => _client = _factory.CreateBrowserClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Dashboard_ShowsChartsReadinessAndMocks_AndRejectsAnUnknownTarget()
    {
        await _client.PostAsJsonAsync("/api/review/ratings", new { question_id = "ML-001", rating = 4, key_points_ticked = new[] { 0, 1, 2 } });

        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/progress?target=staff"));
        Assert.Contains("class=\"heatmap\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"forecast\"", html, StringComparison.Ordinal);
        Assert.Contains("1 review<", html, StringComparison.Ordinal);
        Assert.Contains("of advanced and expert questions known confidently", html, StringComparison.Ordinal);
        Assert.Contains("Mastery by track", html, StringComparison.Ordinal);
        Assert.Contains("No mock interviews yet", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/progress?target=wizard")).StatusCode);
    }

    [Fact]
    public async Task Export_ThenImportThroughTheApi_RestoresTheSameData()
    {
        await _client.PostAsJsonAsync("/api/review/ratings", new { question_id = "ML-002", rating = 3 });
        var download = await _client.GetAsync("/progress/export");
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", download.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var exported = await download.Content.ReadAsStringAsync();
        Assert.Equal("mlprep-user-data", JsonDocument.Parse(exported).RootElement.GetProperty("format").GetString());

        await _client.PostAsJsonAsync("/api/review/ratings", new { question_id = "ML-003", rating = 3 });
        var imported = await _client.PostAsync("/api/me/import", new StringContent(exported, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(1, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("review_logs").GetInt32());
        var again = await _client.GetStringAsync("/api/me/export");
        Assert.DoesNotContain("ML-003", again, StringComparison.Ordinal);

        var garbage = await _client.PostAsync("/api/me/import", new StringContent("{\"format\":\"anki\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("not an MlPrep export", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
