using System.Net;
using System.Text.RegularExpressions;
using MlPrep.Web.Tests.Support;

namespace MlPrep.Web.Tests.Mock;

/// <summary>A quick-drill mock interview through HTTP forms, start to report, plus bad input.</summary>
public sealed class MockPagesTests : IDisposable
{
    private readonly MlPrepWebFactory _factory = new();
    private readonly HttpClient _client;

    public MockPagesTests() => _client = _factory.CreateBrowserClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task QuickDrill_StartToReport_ThenQueueMissedForReview()
    {
        var index = await _client.GetPageAsync("/mock");
        var started = await _client.PostFormAsync("/mock", index, ("round", "quick-drill"), ("track", "ml-fundamentals"));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.ToString();

        var first = await _client.GetPageAsync(url);
        Assert.Contains("Question 1 of 2", first, StringComparison.Ordinal);
        Assert.Contains("data-timer", first, StringComparison.Ordinal);
        Assert.Contains("of 5 min", first, StringComparison.Ordinal);

        await _client.PostFormAsync(url + "?handler=Done", first, ("notes", "bias vs variance"));
        var revealed = await _client.GetPageAsync(url);
        Assert.Contains("Model answer", revealed, StringComparison.Ordinal);
        Assert.Contains("bias vs variance", revealed, StringComparison.Ordinal);
        var bad = await _client.PostFormAsync(url + "?handler=Score", revealed, ("score", "9"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        await _client.PostFormAsync(url + "?handler=Score", revealed, ("score", "2"), ("keyPoint", "0"));

        var second = await _client.GetPageAsync(url);
        Assert.Contains("Question 2 of 2", second, StringComparison.Ordinal);
        await _client.PostFormAsync(url + "?handler=Done", second, ("notes", ""));
        var last = await _client.PostFormAsync(url + "?handler=Score", await _client.GetPageAsync(url), ("score", "4"));
        Assert.Equal($"{url}", last.Headers.Location!.ToString());
        var report = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);

        var html = WebUtility.HtmlDecode(await _client.GetPageAsync(url + "/report"));
        Assert.Contains("Question by question", html, StringComparison.Ordinal);
        Assert.Contains("2 / 4", html, StringComparison.Ordinal);
        Assert.Contains("Weakest:", html, StringComparison.Ordinal);
        var queued = await _client.PostFormAsync(url + "/report?handler=Queue", html);
        var after = WebUtility.HtmlDecode(await _client.GetPageAsync(queued.Headers.Location!.ToString()));
        Assert.Matches(new Regex("[12] question\\(s\\) added to the front of your review queue"), after);
        Assert.Contains(">Past interviews<", await _client.GetPageAsync("/mock"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadStart_AndUnknownSession_AreExplained()
    {
        var index = await _client.GetPageAsync("/mock");
        var bad = await _client.PostFormAsync("/mock", index, ("round", "lightning"), ("level", "guru"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Choose a round: quick-drill", body, StringComparison.Ordinal);
        Assert.Contains("'guru' is not a level", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/mock/424242")).StatusCode);
    }
}
