using System.Net;
using System.Text.Json;
using MlPrep.Web.Tests.Support;

namespace MlPrep.Web.Tests.Questions;

public class QuestionsApiTests(MlPrepWebFactory factory) : IClassFixture<MlPrepWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task List_FiltersPagesAndCounts()
    {
        using var json = await GetJson("/api/questions?track=ml-fundamentals&level=intermediate&page_size=2");

        var root = json.RootElement;
        Assert.True(root.GetProperty("total").GetInt32() >= 2);
        Assert.Equal(2, root.GetProperty("items").GetArrayLength());
        Assert.Equal(2, root.GetProperty("page_size").GetInt32());
        Assert.All(root.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.Equal("ml-fundamentals", item.GetProperty("track").GetString());
            Assert.Equal("intermediate", item.GetProperty("level").GetString());
            Assert.StartsWith("/questions/ML-", item.GetProperty("url").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task List_AgreesWithThePage()
    {
        using var json = await GetJson("/api/questions?round=behavioral&page_size=100");
        var html = await _client.GetStringAsync(new Uri("/questions?round=behavioral&page_size=100", UriKind.Relative));

        foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
        {
            Assert.Contains($"href=\"/questions/{item.GetProperty("id").GetString()}?round=behavioral", html, StringComparison.Ordinal);
        }

        Assert.Contains($"Showing {json.RootElement.GetProperty("total").GetInt32()} question", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReturnsEverySectionAndKeyPoints()
    {
        using var json = await GetJson("/api/questions/ml-003");

        var root = json.RootElement;
        Assert.Equal("ML-003", root.GetProperty("id").GetString());
        Assert.Equal(5, root.GetProperty("sections").GetArrayLength());
        Assert.InRange(root.GetProperty("key_points").GetArrayLength(), 3, 7);
        Assert.Contains("<p>", root.GetProperty("sections")[0].GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownId_IsProblemDetails404NamingTheField()
    {
        using var response = await _client.GetAsync(new Uri("/api/questions/NOPE-1", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("id", json.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Search_ReturnsRankedHighlightedResults()
    {
        using var json = await GetJson("/api/search?q=xgboost&page_size=50");

        var items = json.RootElement.GetProperty("items");
        Assert.Contains(items.EnumerateArray(), i => i.GetProperty("id").GetString() == "ML-004");
        Assert.Contains("boost", items[0].GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<mark>", items[0].GetProperty("snippet_html").GetString() + items[0].GetProperty("title_html").GetString(), StringComparison.Ordinal);
        Assert.Equal("xgboost", json.RootElement.GetProperty("query").GetString());
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=(((", "q")]
    [InlineData("/api/questions?track=nope", "track")]
    [InlineData("/api/questions?page_size=1000", "page_size")]
    [InlineData("/api/questions?min_difficulty=x", "min_difficulty")]
    [InlineData("/api/search?q=a&kind=maybe", "kind")]
    public async Task BadParameters_AreValidationProblemsNamingTheField(string path, string field)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), json.RootElement.ToString());
        Assert.NotEmpty(messages[0].GetString()!);
    }

    [Fact]
    public async Task Tracks_ListEveryTrackWithCounts()
    {
        using var json = await GetJson("/api/tracks");

        Assert.Equal(13, json.RootElement.GetArrayLength());
        var ml = json.RootElement.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "ml-fundamentals");
        Assert.Equal("ML", ml.GetProperty("prefix").GetString());
        Assert.True(ml.GetProperty("questions").GetInt32() > 0);
    }

    [Fact]
    public async Task Stats_CountTheBank()
    {
        using var json = await GetJson("/api/stats");

        Assert.True(json.RootElement.GetProperty("questions").GetInt32() >= 30);
        Assert.True(json.RootElement.GetProperty("by_track").TryGetProperty("ml-fundamentals", out _));
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoints()
    {
        using var json = await GetJson("/openapi/v1.json");

        var paths = json.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/questions", "/api/questions/{id}", "/api/search", "/api/tracks", "/api/stats" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.Contains("min_difficulty", paths.GetProperty("/api/questions").ToString(), StringComparison.Ordinal);
    }

    private async Task<JsonDocument> GetJson(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
