using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MlPrep.Core.Practice;
using MlPrep.Web.Features.Review;

namespace MlPrep.Web.Features.Progress;

/// <summary>Export and import of the user's data as JSON (settings, decks, cards, review log, mock interviews).</summary>
public static class UserDataApi
{
    public static void MapUserData(this WebApplication app)
    {
        app.MapGet("/progress/export", async (UserDataService data, CurrentUser user, TimeProvider time, CancellationToken cancellationToken) =>
            Results.File(JsonSerializer.SerializeToUtf8Bytes(await data.ExportAsync(user.Id, cancellationToken), UserDataFile.Json), "application/json",
                $"mlprep-{time.GetUtcNow():yyyy-MM-dd}.json"))
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/me").WithTags("User data");
        api.MapGet("/export", async (UserDataService data, CurrentUser user, CancellationToken cancellationToken) =>
            Results.Json(await data.ExportAsync(user.Id, cancellationToken), UserDataFile.Json))
            .WithName("ExportUserData")
            .WithSummary("Everything the user has recorded: settings, decks, cards, the review log and mock interviews.");

        api.MapPost("/import", async Task<Results<Ok<ImportResult>, ValidationProblem>> (HttpRequest request, UserDataService data, CurrentUser user, CancellationToken cancellationToken) =>
        {
            var (file, errors) = await UserDataService.ReadAsync(request.Body, cancellationToken);
            if (file is not null)
            {
                errors = await data.ImportAsync(user.Id, file, cancellationToken);
            }

            return errors.Count > 0
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [.. errors] }, title: "The export was not imported")
                : TypedResults.Ok(ImportResult.From(file!));
        })
        .Accepts<UserDataFile>("application/json")
        .WithName("ImportUserData")
        .WithSummary("Replace the user's data with an export; nothing changes if any part of it is invalid.");
    }
}

public sealed record ImportResult(int Decks, int Cards, int ReviewLogs, int MockSessions)
{
    public static ImportResult From(UserDataFile file) => new(file.Decks.Count, file.Cards.Count, file.ReviewLogs.Count, file.MockSessions.Count);
}
