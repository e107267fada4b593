using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MlPrep.Web.Tests.Browser;

/// <summary>The knowledge hub as a user drives it in Chromium.</summary>
[Collection("browser")]
public partial class BrowserTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Filter_UpdatesResultsAndUrlWithoutReload()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions");
        await page.EvaluateAsync("window.__marker = 1");

        await page.GetByRole(AriaRole.Group, new() { Name = "Level" }).GetByLabel("Expert").CheckAsync();

        await Assertions.Expect(page).ToHaveURLAsync(LevelExpert());
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("Expert");
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__marker"));
        foreach (var chip in await page.Locator(".question-card .chip.level-expert").AllAsync())
        {
            await Assertions.Expect(chip).ToHaveTextAsync("Expert");
        }

        Assert.Equal(await page.Locator(".question-card").CountAsync(), await page.Locator(".question-card .chip.level-expert").CountAsync());
    }

    [BrowserFact]
    public async Task Paginate_NextPageKeepsFilters()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions?page_size=5");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).GetByRole(AriaRole.Link, new() { Name = "Next ›" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(PageTwo());
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("page 2 of");
        await Assertions.Expect(page.Locator(".question-card")).ToHaveCountAsync(5);
    }

    [BrowserFact]
    public async Task Search_SlashFocusesTypeShowsHighlightedResults_ThenOpenQuestion()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions");

        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page.GetByLabel("Search", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("ridge");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=ridge"));
        await Assertions.Expect(page.Locator(".htmx-request")).ToHaveCountAsync(0);
        var first = page.Locator(".question-card").First;
        await Assertions.Expect(first).ToContainTextAsync("L1 and L2");
        await Assertions.Expect(page.Locator(".question-card mark").First).ToBeVisibleAsync();

        // Leaving the search box (as clicking a result does) must not search again: that request's URL
        // push used to cancel the click's navigation.
        var searches = 0;
        page.Request += (_, request) => searches += request.Url.Contains("/questions?", StringComparison.Ordinal) ? 1 : 0;
        await page.GetByLabel("Search", new() { Exact = true }).BlurAsync();
        await page.WaitForTimeoutAsync(600);
        Assert.Equal(0, searches);

        await first.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("L1 and L2");
        await Assertions.Expect(page.Locator(".katex").First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task TestMode_HidesAnswerUntilRevealed()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions/ML-002");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Test yourself" }).ClickAsync();
        var answer = page.GetByRole(AriaRole.Heading, new() { Name = "Answer", Exact = true });
        await Assertions.Expect(answer).ToBeHiddenAsync();

        await page.GetByText("Reveal the model answer", new() { Exact = true }).ClickAsync();

        await Assertions.Expect(answer).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Key points an interviewer listens for" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Review_KeyboardSession_RevealTickRateAndUndo()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/review?track=sql");
        var first = await page.Locator("#card-title").InnerTextAsync();
        var legend = page.GetByText("Which key points did you cover?");
        await Assertions.Expect(legend).ToBeHiddenAsync();

        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(legend).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await page.GetByRole(AriaRole.Checkbox).Nth(1).CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "review-card.png"), FullPage = false });

        await page.Keyboard.PressAsync("3");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("rated; it comes back in 10m");
        await Assertions.Expect(page.Locator("#card-title")).Not.ToHaveTextAsync(first);

        await page.Keyboard.PressAsync("u");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("was undone");
        await Assertions.Expect(page.Locator("#card-title")).ToHaveTextAsync(first);

        // Typing an answer does not trigger the shortcuts; Escape leaves the text box.
        await page.GetByLabel("Your answer").FillAsync("Use ROW_NUMBER 3 times");
        await Assertions.Expect(legend).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync(" ");
        await page.Keyboard.PressAsync("4");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("rated");
    }

    [BrowserFact]
    public async Task MockInterview_QuickDrill_StartToReport()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/mock");
        await page.GetByLabel("Quick drill").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        var timer = page.GetByRole(AriaRole.Timer);
        await Assertions.Expect(timer).ToContainTextAsync("of 5 min");
        var before = await timer.Locator("[data-timer-text]").InnerTextAsync();
        await Assertions.Expect(timer.Locator("[data-timer-text]")).Not.ToHaveTextAsync(before, new() { Timeout = 3000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "mock-question.png") });

        for (var n = 0; n < 2; n++)
        {
            await page.GetByLabel("Notes or your answer").FillAsync("Out loud: definition, why, example, trade-offs.");
            await page.GetByRole(AriaRole.Button, new() { Name = "I'm done: show the model answer" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Model answer" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Checkbox).First.CheckAsync();
            await page.GetByLabel(n == 0 ? "2 · Partial" : "3 · Good").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Quick drill: report");
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("2 / 4");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "mock-report.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Add the .* to my review queue") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("added to the front of your review queue");
    }

    [BrowserFact]
    public async Task ProgressDashboard_AfterReviews_ShowsChartsAndReadiness()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/review?track=math-stats");
        for (var n = 0; n < 3; n++)
        {
            await page.Keyboard.PressAsync(" ");
            await page.GetByRole(AriaRole.Checkbox).First.CheckAsync();
            await page.Keyboard.PressAsync(n == 0 ? "1" : "4");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("rated");
        }

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Progress" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Readiness" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("Reviews per day over the last year") })).ToBeVisibleAsync();
        await page.GetByLabel("Preparing for").SelectOptionAsync("staff");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("target=staff"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "progress-dashboard.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task FollowUpLink_OpensTheDeeperQuestion()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/questions/ML-001");

        var ladder = page.GetByRole(AriaRole.Region, new() { Name = "Follow-up ladder" });
        var link = ladder.GetByRole(AriaRole.Link).First;
        var target = await link.GetAttributeAsync("href");
        await link.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(target!) + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" })).ToContainTextAsync(target!.Split('/')[^1]);
    }

    [BrowserFact]
    public async Task DarkModeToggle_SwitchesAndPersists()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var light = await BackgroundOf(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch between light and dark mode" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        var dark = await BackgroundOf(page);
        Assert.NotEqual(light, dark);
        await page.ReloadAsync();
        Assert.Equal(dark, await BackgroundOf(page));
    }

    [BrowserFact]
    public async Task Screenshots_LightDarkDesktopPhone()
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            foreach (var (name, width, height) in new[] { ("desktop", 1280, 900), ("phone", 390, 844) })
            {
                var page = await browser.NewPageAsync(width, height, scheme);
                foreach (var (shot, path) in new[] { ("home", "/"), ("list", "/questions?track=ml-fundamentals"), ("question", "/questions/ML-003"), ("review", "/review"), ("mock", "/mock"), ("progress", "/progress") })
                {
                    await page.GotoAsync(path);
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    var file = Path.Combine(BrowserFixture.Screenshots, $"{shot}-{scheme.ToString().ToLowerInvariant()}-{name}.png");
                    await page.ScreenshotAsync(new() { Path = file, FullPage = false });
                    Assert.True(new FileInfo(file).Length > 10_000, file);
                    var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
                    Assert.False(overflow, $"{path} scrolls sideways at {width}px");
                }
            }
        }
    }

    private static Task<string> BackgroundOf(IPage page) =>
        page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

    [GeneratedRegex("level=expert")]
    private static partial Regex LevelExpert();

    [GeneratedRegex("page=2")]
    private static partial Regex PageTwo();
}
