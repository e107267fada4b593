using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MlPrep.Tests.Shared;

namespace MlPrep.Web.Tests.Support;

/// <summary>The app on the bundled bank with its own throwaway database (SQLite unless a provider is given).</summary>
public class MlPrepWebFactory : WebApplicationFactory<Program>
{
    private readonly string _provider;

    public MlPrepWebFactory()
        : this("sqlite")
    {
    }

    protected MlPrepWebFactory(string provider) => _provider = provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var storage = TestDatabases.Create(_provider);
        builder.UseSetting("Content:Path", Repo.Content);
        builder.UseSetting("Database:Provider", storage.Provider.ToString());
        builder.UseSetting("Database:DataFolder", storage.DataFolder ?? "");
        builder.UseSetting("Database:ConnectionString", storage.ConnectionString ?? "");
    }

    /// <summary>A client that asks for HTML, as a browser does (API errors stay problem+json either way).</summary>
    public HttpClient CreateBrowserClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }
}

/// <summary>The same app on a throwaway PostgreSQL database.</summary>
public sealed class PostgresWebFactory() : MlPrepWebFactory("postgres");
