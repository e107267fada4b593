using System.Net;
using System.Text.RegularExpressions;
using MlPrep.Web.Tests.Support;

namespace MlPrep.Web.Tests.Questions;

public partial class QuestionPagesTests(MlPrepWebFactory factory) : IClassFixture<MlPrepWebFactory>
{
    private readonly HttpClient _client = factory.CreateBrowserClient();

    [Fact]
    public async Task Home_ShowsCountsTracksSearchAndEntryPoints()
    {
        var html = await Get("/");

        Assert.Contains("<dt>Questions</dt>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/questions?track=ml-fundamentals\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/practice/random\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/guides\"", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FiltersAndShowsSummaryAndPagination()
    {
        var html = await Get("/questions?track=ml-fundamentals&page_size=2");

        Assert.Matches(SummaryPattern(), WebUtility.HtmlDecode(html));
        Assert.Contains("ML fundamentals", html, StringComparison.Ordinal);
        Assert.Contains("page 1 of", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
        Assert.Equal(2, CardPattern().Matches(html).Count);
        Assert.DoesNotContain("/questions/DL-", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_SecondPage_LinksBackAndKeepsFilters()
    {
        var html = await Get("/questions?track=ml-fundamentals&page_size=2&page=2");

        Assert.Contains("page 2 of", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/questions?track=ml-fundamentals&amp;page_size=2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_HtmxRequest_GetsOnlyTheResultsFragment()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/questions?level=expert");
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", "results");

        using var response = await _client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("Expert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_HighlightsMatchesAndCombinesWithFilters()
    {
        var html = await Get("/questions?q=ridge&track=ml-fundamentals");

        Assert.Contains("for “ridge”", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.Contains("/questions/ML-003?q=ridge&amp;track=ml-fundamentals", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/questions?q=%22unbalanced")]
    [InlineData("/questions?q=NEAR(")]
    [InlineData("/questions?q=C%2B%2B")]
    [InlineData("/questions?q=%00")]
    [InlineData("/questions?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task Search_OddText_NeverFailsAndIsEscaped(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/questions?track=nope", "track", "ml-fundamentals")]
    [InlineData("/questions?level=guru", "level", "beginner, intermediate, advanced, expert")]
    [InlineData("/questions?min_difficulty=11", "min_difficulty", "from 1 to 10")]
    [InlineData("/questions?min_difficulty=8&max_difficulty=3", "min_difficulty", "above max_difficulty")]
    [InlineData("/questions?sort=random", "sort", "relevance, track, easiest, hardest, title")]
    [InlineData("/questions?page=0", "page", "from 1 to")]
    [InlineData("/questions?page=999", "page", "does not exist")]
    [InlineData("/questions?topic=Not%20A%20Topic!", "topic", "lower-case words joined by hyphens")]
    public async Task List_InvalidFilter_Is400SayingWhatIsValid(string path, string field, string hint)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<code>{field}</code>", html, StringComparison.Ordinal);
        Assert.Contains(hint, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_ShowsMetaSectionsKeyPointsLadderAndNeighbours()
    {
        var html = await Get("/questions/ML-002");

        Assert.Contains("What is the bias-variance trade-off?", html, StringComparison.Ordinal);
        Assert.Contains("Difficulty 4/10", html, StringComparison.Ordinal);
        foreach (var section in new[] { "Answer", "Explanation", "Example", "Common mistakes", "In production", "Key points an interviewer listens for" })
        {
            Assert.Contains(section, html, StringComparison.Ordinal);
        }

        Assert.Contains("Before this", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/questions/ML-001\"", html, StringComparison.Ordinal);
        Assert.Contains("Go deeper", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_TestMode_HidesTheAnswerUntilRevealed()
    {
        var html = await Get("/questions/ML-002?mode=test");

        var reveal = html.IndexOf("<details class=\"reveal\">", StringComparison.Ordinal);
        Assert.True(reveal > 0);
        Assert.True(html.IndexOf("id=\"s-answer\"", StringComparison.Ordinal) > reveal);
        Assert.Contains("Reveal the model answer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_PreviousNextFollowTheFilterItWasOpenedFrom()
    {
        var html = await Get("/questions/DL-002?track=deep-learning&level=intermediate");

        Assert.Matches(@"rel=""(prev|next)"" href=""/questions/DL-\d+\?track=deep-learning&amp;level=intermediate""", html);
        Assert.DoesNotContain("rel=\"next\" href=\"/questions/ML-", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_DesignFormat_ShowsTimeBoxes()
    {
        var html = await Get("/questions/MLSD-001");

        Assert.Contains("class=\"time-box\"", html, StringComparison.Ordinal);
        Assert.Contains("Clarify", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_LowerCaseId_RedirectsToTheCanonicalId()
    {
        using var response = await _client.GetAsync(new Uri("/questions/ml-002", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/questions/ML-002", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Question_UnknownId_IsAHelpful404()
    {
        using var response = await _client.GetAsync(new Uri("/questions/ML-999", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no question “ML-999”", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Nearby ids", html, StringComparison.Ordinal);
        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_IsAFriendly404Page()
    {
        using var response = await _client.GetAsync(new Uri("/no/such/page", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("/no/such/page", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guides_ListAndRender()
    {
        var index = await Get("/guides");
        Assert.Contains("href=\"/guides/star-method\"", index, StringComparison.Ordinal);

        var guide = await Get("/guides/star-method");
        Assert.Contains("<h1", guide, StringComparison.Ordinal);

        using var missing = await _client.GetAsync(new Uri("/guides/nope", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task PracticeRandom_OpensAQuestionOfTheFilterInTestMode()
    {
        using var response = await _client.GetAsync(new Uri("/practice/random?track=sql", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(@"^/questions/SQL-\d+\?track=sql&mode=test$", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Assets_AreServedLocally()
    {
        foreach (var path in new[] { "/css/site.css", "/js/site.js", "/lib/htmx/htmx.min.js", "/lib/katex/katex.min.js", "/lib/katex/contrib/auto-render.min.js", "/lib/highlight/highlight.min.js" })
        {
            using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var html = await Get("/questions/ML-003");
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("class=\"math\"", html, StringComparison.Ordinal);
    }

    private async Task<string> Get(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}\n{html}");
        return html;
    }

    [GeneratedRegex(@"Showing \d+ questions · ML fundamentals · page 1 of \d+")]
    private static partial Regex SummaryPattern();

    [GeneratedRegex("class=\"question-card\"")]
    private static partial Regex CardPattern();
}
