using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MlPrep.Web.Tests.Support;

namespace MlPrep.Web.Tests.Review;

/// <summary>The review JSON API: next card, rating, conflicts, undo, card actions, settings, and its errors as problem+json.</summary>
public sealed class ReviewApiTests : IDisposable
{
    private readonly MlPrepWebFactory _factory = new();
    private readonly HttpClient _client;

    public ReviewApiTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task NextRateConflictUndo_RoundTrip()
    {
        var next = await Json("/api/review/next?track=sql");
        var id = next.GetProperty("question_id").GetString()!;
        Assert.StartsWith("SQL-", id, StringComparison.Ordinal);
        Assert.Equal("10m", next.GetProperty("options").GetProperty("good").GetProperty("interval").GetString());
        Assert.True(next.GetProperty("is_new").GetBoolean());

        var body = new { question_id = id, rating = 3, version = 0, duration_seconds = 25, key_points_ticked = new[] { 0, 1 } };
        var rated = await _client.PostAsJsonAsync("/api/review/ratings", body);
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        var card = (await rated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("card");
        Assert.Equal("learning", card.GetProperty("state").GetString());

        var again = await _client.PostAsJsonAsync("/api/review/ratings", body);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal("version", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        var undo = await _client.PostAsync("/api/review/undo", null);
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Equal(id, (await undo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("question_id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/review/undo", null)).StatusCode);
    }

    [Fact]
    public async Task BadRequests_AnswerProblemDetailsNamingTheField()
    {
        await AssertProblem(await _client.PostAsJsonAsync("/api/review/ratings", new { question_id = "SQL-001", rating = 9 }), HttpStatusCode.BadRequest, "rating");
        await AssertProblem(await _client.PostAsJsonAsync("/api/review/ratings", new { question_id = "SQL-001", rating = 3, key_points_ticked = new[] { 42 } }), HttpStatusCode.BadRequest, "key_points_ticked");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsJsonAsync("/api/review/ratings", new { question_id = "XX-404", rating = 3 })).StatusCode);
        var malformed = await _client.PostAsync("/api/review/ratings", new StringContent("{\"rating\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        await AssertProblem(await _client.GetAsync("/api/review/next?level=guru"), HttpStatusCode.BadRequest, "level");
        await AssertProblem(await _client.GetAsync("/api/review/next?deck=77"), HttpStatusCode.BadRequest, "deck");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/review/cards/SQL-001/explode", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync("/api/review/cards/SQL-001/bury", null)).StatusCode);
    }

    [Fact]
    public async Task Settings_RoundTrip_AndInvalidValuesAreRejected()
    {
        var settings = await Json("/api/review/settings");
        Assert.Equal(0.9, settings.GetProperty("desired_retention").GetDouble());

        var bad = await _client.PutAsJsonAsync("/api/review/settings", new { desired_retention = 0.5, new_per_day = 10, learning_steps = "1m", relearning_steps = "10m", maximum_interval = 365, fuzz = true, leech_threshold = 8 });
        await AssertProblem(bad, HttpStatusCode.BadRequest, "desired_retention");

        var good = await _client.PutAsJsonAsync("/api/review/settings", new { desired_retention = 0.85, new_per_day = 5, learning_steps = "1m 10m 1h", relearning_steps = "10m", maximum_interval = 365, fuzz = false, leech_threshold = 6 });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("1m 10m 1h", (await Json("/api/review/settings")).GetProperty("learning_steps").GetString());
    }

    private async Task<JsonElement> Json(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.TryGetProperty("errors", out var errors) ? errors.TryGetProperty(field, out _) : problem.GetProperty("field").GetString() == field, text);
    }
}
