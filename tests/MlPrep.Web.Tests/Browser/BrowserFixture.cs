using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlPrep.Tests.Shared;
using MlPrep.Web.Tests.Support;

namespace MlPrep.Web.Tests.Browser;

/// <summary>The app on a real Kestrel port plus one headless Debian Chromium, shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly MlPrepWebFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where screenshots go (kept as test artifacts).</summary>
    public static string Screenshots { get; } = Path.Combine(Repo.Root, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (BrowserFactAttribute.Unavailable is not null)
        {
            return;
        }

        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A new page at desktop size, optionally in dark mode (system preference).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await _factory.DisposeAsync();
    }
}

/// <summary>A test that needs Chromium: skipped where it is not installed, unless CI=true, where it must run (and fails).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public static string? Unavailable => File.Exists(BrowserFixture.ChromiumPath) ? null : $"Chromium is not installed at {BrowserFixture.ChromiumPath}";

    public BrowserFactAttribute()
    {
        if (Unavailable is { } reason && !TestDatabases.InCi)
        {
            Skip = reason + " (apt-get install chromium; set CI=true to make this a failure)";
        }
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
