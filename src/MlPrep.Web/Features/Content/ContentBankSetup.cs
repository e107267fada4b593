using MlPrep.Core.Content;

namespace MlPrep.Web.Features.Content;

/// <summary>Where the web app reads its content from (section <c>Content</c> of configuration).</summary>
public sealed class ContentOptions
{
    /// <summary>The content folder; relative paths are resolved against the app's base folder. Default: the bundled bank.</summary>
    public string Path { get; set; } = "content";
}

/// <summary>Loads the bank once at start and shares it as a singleton.</summary>
public static class ContentBankSetup
{
    public static void AddContentBank(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<ContentOptions>(builder.Configuration.GetSection("Content"));
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentOptions>>().Value;
            var root = System.IO.Path.GetFullPath(options.Path, AppContext.BaseDirectory);
            var result = new ContentLoader(services.GetRequiredService<TimeProvider>()).Load(root);
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("MlPrep.Content");
            foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == Severity.Error))
            {
                logger.LogWarning("Content error, file left out: {Diagnostic}", diagnostic.Format(root));
            }

            logger.LogInformation("Loaded {Questions} questions and {Guides} guides from {Root}", result.Bank.Questions.Length, result.Bank.Guides.Length, root);
            return result;
        });
        builder.Services.AddSingleton(services => services.GetRequiredService<ContentLoadResult>().Bank);
    }
}
