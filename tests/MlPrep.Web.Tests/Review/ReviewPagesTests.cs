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
        var html = await _client.GetPageAsync("/review");

        Assert.Contains("id=\"card-title\"", html, StringComparison.Ordinal);
        Assert.Contains(">New</span>", html, StringComparison.Ordinal);
        Assert.Equal(["1m", "6m", "10m"], [.. Intervals().Matches(html).Take(3).Select(m => m.Groups[1].Value)]);
        Assert.Contains("name=\"keyPoint\"", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Show the answer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateThenUndo_RedirectsWithNotice_AndTheSameQuestionComesBack()
    {
        var first = await _client.GetPageAsync("/review");
        var id = HtmlForms.Field(first, "questionId");

        var rated = await _client.PostFormAsync("/review?handler=Rate", first, ("questionId", id), ("version", "0"), ("shownAt", HtmlForms.Field(first, "shownAt")), ("rating", "3"), ("keyPoint", "0"));
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var after = await _client.GetPageAsync(rated.Headers.Location!.ToString());
        Assert.Contains($"{id} rated; it comes back in 10m.", after, StringComparison.Ordinal);
        Assert.NotEqual(id, HtmlForms.Field(after, "questionId"));

        var undone = await _client.PostFormAsync("/review?handler=Undo", after);
        var back = await _client.GetPageAsync(undone.Headers.Location!.ToString());
        Assert.Contains($"Your last rating of {id} was undone.", back, StringComparison.Ordinal);
        Assert.Equal(id, HtmlForms.Field(back, "questionId"));
    }

    [Fact]
    public async Task RatingTheSameCardTwice_SecondIsAConflictWithAMessage()
    {
        var page = await _client.GetPageAsync("/review");
        var fields = new[] { ("questionId", HtmlForms.Field(page, "questionId")), ("version", "0"), ("shownAt", HtmlForms.Field(page, "shownAt")), ("rating", "3") };

        Assert.Equal(HttpStatusCode.Redirect, (await _client.PostFormAsync("/review?handler=Rate", page, fields)).StatusCode);
        var second = await _client.PostFormAsync("/review?handler=Rate", page, fields);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("another tab", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_ReviewsOnlyMatchingQuestions_AndCanBeSavedAsADeck()
    {
        var page = await _client.GetPageAsync("/review?track=sql");
        Assert.StartsWith("SQL-", HtmlForms.Field(page, "questionId"), StringComparison.Ordinal);
        Assert.Contains("Save deck", page, StringComparison.Ordinal);

        var created = await _client.PostFormAsync("/review/decks", page, ("name", "SQL drills"), ("filter", "track=sql"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var deckPage = await _client.GetPageAsync(created.Headers.Location!.ToString());
        Assert.StartsWith("SQL-", HtmlForms.Field(deckPage, "questionId"), StringComparison.Ordinal);
        Assert.Contains("SQL drills", await _client.GetPageAsync("/review/decks"), StringComparison.Ordinal);

        var duplicate = await _client.PostFormAsync("/review/decks", page, ("name", "SQL drills"), ("filter", "track=sql"));
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

        var settings = await _client.GetPageAsync("/review/settings");
        var bad = await _client.PostFormAsync("/review/settings", settings, ("desired_retention", "1.5"), ("new_per_day", "ten"), ("learning_steps", "1m 10m"), ("relearning_steps", "10m"), ("maximum_interval", "36500"), ("leech_threshold", "8"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("'ten' is not a whole number", body, StringComparison.Ordinal);

        var badDeck = await _client.PostFormAsync("/review/decks", settings, ("name", "x"), ("filter", "level=guru"));
        Assert.Equal(HttpStatusCode.BadRequest, badDeck.StatusCode);
    }

    [Fact]
    public async Task Settings_SavedValuesApply()
    {
        var settings = await _client.GetPageAsync("/review/settings");
        var saved = await _client.PostFormAsync("/review/settings", settings, ("desired_retention", "0.8"), ("new_per_day", "1"), ("learning_steps", "5m"), ("relearning_steps", "10m"), ("maximum_interval", "365"), ("leech_threshold", "4"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await _client.GetPageAsync("/review");
        Assert.Equal(["5m", "8m"], [.. Intervals().Matches(page).Take(2).Select(m => m.Groups[1].Value)]);
        await _client.PostFormAsync("/review?handler=Rate", page, ("questionId", HtmlForms.Field(page, "questionId")), ("version", "0"), ("shownAt", HtmlForms.Field(page, "shownAt")), ("rating", "4"));
        Assert.Contains("Nothing to review right now", await _client.GetPageAsync("/review"), StringComparison.Ordinal);
    }

    [GeneratedRegex("class=\"rating-interval\">([^<]+)<")]
    private static partial Regex Intervals();
}
