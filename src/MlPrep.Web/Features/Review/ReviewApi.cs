using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Practice;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;
using MlPrep.Web.Features.Shared;

namespace MlPrep.Web.Features.Review;

/// <summary>The review queue as JSON: the next card, ratings, undo, suspend and bury, settings.</summary>
public static class ReviewApi
{
    public static void MapReviewApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/review").WithTags("Review");

        api.MapGet("/next", async Task<Results<Ok<NextCardDto>, NoContent, ValidationProblem, ProblemHttpResult>> (
            HttpRequest request, ReviewService review, MlPrepDb db, CurrentUser user, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (filter, problem) = await FilterAsync(request, db, user, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var item = await review.NextAsync(user.Id, filter, cancellationToken);
            return item is null ? TypedResults.NoContent() : TypedResults.Ok(NextCardDto.From(item, time.GetUtcNow()));
        })
        .WithName("NextReviewCard")
        .WithSummary("The next question to review (204 when nothing is due), with what each rating would schedule. Filter with deck=<id> or the question-list filters.");

        api.MapPost("/ratings", async Task<Results<Created<RatingDto>, ValidationProblem, ProblemHttpResult>> (
            RatingInput input, ReviewService review, CurrentUser user, CancellationToken cancellationToken) =>
        {
            if (input.Rating is < 1 or > 4)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rating"] = ["Use 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."] });
            }

            var result = await review.RateAsync(user.Id, new RatingRequest(input.QuestionId ?? "", (Rating)input.Rating, input.Version, input.DurationSeconds ?? 0, input.KeyPointsTicked, input.DeckId), cancellationToken);
            return result.Status switch
            {
                RatingStatus.Saved => TypedResults.Created($"/api/review/ratings/{result.Log!.Id}", RatingDto.From(result)),
                RatingStatus.NotFound => Problem(StatusCodes.Status404NotFound, "Question not found", result.Message, "question_id"),
                RatingStatus.Conflict => Problem(StatusCodes.Status409Conflict, "Already rated", result.Message, "version"),
                _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [result.Message!.Contains("Key point", StringComparison.Ordinal) ? "key_points_ticked" : "rating"] = [result.Message] }),
            };
        })
        .WithName("RateReviewCard")
        .WithSummary("Record a rating: schedules the card and writes a review-log row. Send the version you were shown; a different stored version answers 409.");

        api.MapPost("/undo", async Task<Results<Ok<UndoDto>, ProblemHttpResult>> (ReviewService review, CurrentUser user, CancellationToken cancellationToken) =>
            await review.UndoAsync(user.Id, cancellationToken) is { } log
                ? TypedResults.Ok(new UndoDto(log.QuestionId, log.Id, log.Rating))
                : Problem(StatusCodes.Status404NotFound, "Nothing to undo", "There is no rating left to undo.", null))
        .WithName("UndoRating")
        .WithSummary("Take back the last rating; the card returns to its state before it and the log row is kept, marked undone.");

        api.MapPost("/cards/{id}/{action}", async Task<Results<NoContent, ProblemHttpResult>> (string id, string action, ReviewService review, CurrentUser user, CancellationToken cancellationToken) =>
        {
            bool? done = action switch
            {
                "suspend" => await review.SuspendAsync(user.Id, id, suspend: true, cancellationToken),
                "unsuspend" => await review.SuspendAsync(user.Id, id, suspend: false, cancellationToken),
                "bury" => await review.BuryAsync(user.Id, id, cancellationToken),
                _ => null,
            };
            return done switch
            {
                true => TypedResults.NoContent(),
                false => Problem(StatusCodes.Status404NotFound, "Question not found", $"There is no question '{id}'.", "id"),
                null => Problem(StatusCodes.Status404NotFound, "Unknown action", $"'{action}' is not an action; use suspend, unsuspend or bury.", "action"),
            };
        })
        .WithName("UpdateReviewCard")
        .WithSummary("suspend, unsuspend or bury (until the next UTC day) a question.");

        api.MapGet("/settings", async (ReviewService review, CurrentUser user, CancellationToken cancellationToken) =>
            TypedResults.Ok(SettingsDto.From(await review.SettingsAsync(user.Id, cancellationToken))))
            .WithName("GetReviewSettings")
            .WithSummary("Desired retention, new questions per day, steps, maximum interval, fuzz and leech threshold.");

        api.MapPut("/settings", async Task<Results<Ok<SettingsDto>, ValidationProblem>> (SettingsDto input, ReviewService review, CurrentUser user, CancellationToken cancellationToken) =>
        {
            var settings = input.ToSettings(user.Id);
            var errors = await review.SaveSettingsAsync(settings, cancellationToken);
            return errors.Count > 0
                ? TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "Invalid settings")
                : TypedResults.Ok(SettingsDto.From(settings));
        })
        .WithName("SaveReviewSettings")
        .WithSummary("Replace the review settings; every field is validated and nothing is saved if one is wrong.");
    }

    private static async Task<(QuestionQuery? Filter, ValidationProblem? Problem)> FilterAsync(HttpRequest request, MlPrepDb db, CurrentUser user, CancellationToken cancellationToken)
    {
        var deck = request.Query["deck"].ToString();
        if (deck.Length > 0)
        {
            var decks = await db.Decks.AsNoTracking().Where(d => d.UserId == user.Id).OrderBy(d => d.Name).ToListAsync(cancellationToken);
            return Deck.Find(decks, deck, out var error) is { } stored
                ? (stored.Query(), null)
                : (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["deck"] = [error!] }));
        }

        var (query, errors) = QuestionQuery.Parse(request.Query.Values());
        return errors.Count > 0 ? (null, TypedResults.ValidationProblem(errors, title: "Invalid filter")) : (query, null);
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail, string? field) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}
