using System.Text.Json;

namespace MlPrep.Web.Features.Shared;

/// <summary>Razor Pages from the feature folders, output caching, JSON settings, the OpenAPI document and error handling.</summary>
public static class PagesSetup
{
    public static void AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");
        builder.Services.AddOutputCache(options =>
        {
            // Question ids in paths are canonical upper case; other spellings redirect, so they must not share a cache entry.
            options.UseCaseSensitivePaths = true;

            // The bank is loaded once per process, so rendered content pages stay valid until restart.
            options.AddPolicy("content", policy => policy.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery("*").SetVaryByHeader("HX-Request", "HX-Target"));
        });
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });
        builder.Services.AddOpenApi();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
    }

    /// <summary>API paths answer errors with problem+json; pages get a friendly HTML page with the same status code.</summary>
    public static void UseErrorPages(this WebApplication app)
    {
        app.UseWhen(context => IsApi(context.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context.Request), pages =>
        {
            pages.UseExceptionHandler("/status/500");
            pages.UseStatusCodePagesWithReExecute("/status/{0}");
        });
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/healthz") || request.Path.StartsWithSegments("/openapi");
}
