using System.Net;
using System.Text.RegularExpressions;
using MlPrep.Web.Tests.Support;

namespace MlPrep.Web.Tests.Review;

/// <summary>The review pages through HTTP, as a browser without JavaScript uses them (forms and redirects).</summary>
public sealed partial class ReviewPagesTests : IDisposable
{
    private readonly MlPrepWebFactory _factory = new();
    private readonly HttpClient _client;

    public ReviewPagesTests() => _client = _factory.CreateBrowserClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Review_ShowsANewQuestionWithIntervalsOnEachButton()
    {
        var html = await Get("/review");

        Assert.Contains("id=\"card-title\"", html, StringComparison.Ordinal);
        Assert.Contains(">New</span>", html, StringComparison.Ordinal);
        Assert.Equal(["1m", "6m", "10m"], [.. Intervals().Matches(html).Take(3).Select(m => m.Groups[1].Value)]);
        Assert.Contains("name=\"keyPoint\"", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Show the answer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateThenUndo_RedirectsWithNotice_AndTheSameQuestionComesBack()
    {
        var first = await Get("/review");
        var id = Field(first, "questionId");

        var rated = await Post("/review?handler=Rate", first, ("questionId", id), ("version", "0"), ("shownAt", Field(first, "shownAt")), ("rating", "3"), ("keyPoint", "0"));
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var after = await Get(rated.Headers.Location!.ToString());
        Assert.Contains($"{id} rated; it comes back in 10m.", after, StringComparison.Ordinal);
        Assert.NotEqual(id, Field(after, "questionId"));

        var undone = await Post("/review?handler=Undo", after);
        var back = await Get(undone.Headers.Location!.ToString());
        Assert.Contains($"Your last rating of {id} was undone.", back, StringComparison.Ordinal);
        Assert.Equal(id, Field(back, "questionId"));
    }

    [Fact]
    public async Task RatingTheSameCardTwice_SecondIsAConflictWithAMessage()
    {
        var page = await Get("/review");
        var fields = new[] { ("questionId", Field(page, "questionId")), ("version", "0"), ("shownAt", Field(page, "shownAt")), ("rating", "3") };

        Assert.Equal(HttpStatusCode.Redirect, (await Post("/review?handler=Rate", page, fields)).StatusCode);
        var second = await Post("/review?handler=Rate", page, fields);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("another tab", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_ReviewsOnlyMatchingQuestions_AndCanBeSavedAsADeck()
    {
        var page = await Get("/review?track=sql");
        Assert.StartsWith("SQL-", Field(page, "questionId"), StringComparison.Ordinal);
        Assert.Contains("Save deck", page, StringComparison.Ordinal);

        var created = await Post("/review/decks", page, ("name", "SQL drills"), ("filter", "track=sql"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var deckPage = await Get(created.Headers.Location!.ToString());
        Assert.StartsWith("SQL-", Field(deckPage, "questionId"), StringComparison.Ordinal);
        Assert.Contains("SQL drills", await Get("/review/decks"), StringComparison.Ordinal);

        var duplicate = await Post("/review/decks", page, ("name", "SQL drills"), ("filter", "track=sql"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
    }

    [Fact]
    public async Task BadInput_GetsClearMessages()
    {
        var badFilter = await _client.GetAsync("/review?level=guru");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Contains("guru", await badFilter.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unknownDeck = await _client.GetAsync("/review?deck=999");
        Assert.Equal(HttpStatusCode.NotFound, unknownDeck.StatusCode);
        Assert.Contains("no deck", await unknownDeck.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var settings = await Get("/review/settings");
        var bad = await Post("/review/settings", settings, ("desired_retention", "1.5"), ("new_per_day", "ten"), ("learning_steps", "1m 10m"), ("relearning_steps", "10m"), ("maximum_interval", "36500"), ("leech_threshold", "8"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("'ten' is not a whole number", body, StringComparison.Ordinal);

        var badDeck = await Post("/review/decks", settings, ("name", "x"), ("filter", "level=guru"));
        Assert.Equal(HttpStatusCode.BadRequest, badDeck.StatusCode);
    }

    [Fact]
    public async Task Settings_SavedValuesApply()
    {
        var settings = await Get("/review/settings");
        var saved = await Post("/review/settings", settings, ("desired_retention", "0.8"), ("new_per_day", "1"), ("learning_steps", "5m"), ("relearning_steps", "10m"), ("maximum_interval", "365"), ("leech_threshold", "4"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await Get("/review");
        Assert.Equal(["5m", "8m"], [.. Intervals().Matches(page).Take(2).Select(m => m.Groups[1].Value)]);
        await Post("/review?handler=Rate", page, ("questionId", Field(page, "questionId")), ("version", "0"), ("shownAt", Field(page, "shownAt")), ("rating", "4"));
        Assert.Contains("Nothing to review right now", await Get("/review"), StringComparison.Ordinal);
    }

    private async Task<string> Get(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> Post(string url, string pageWithToken, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", Field(pageWithToken, "__RequestVerificationToken")));
        return await _client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static string Field(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\" (?:type=\"hidden\" )?value=\"([^\"]*)\"").Groups[1].Value);

    [GeneratedRegex("class=\"rating-interval\">([^<]+)<")]
    private static partial Regex Intervals();
}
