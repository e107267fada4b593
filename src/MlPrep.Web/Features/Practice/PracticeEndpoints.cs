using MlPrep.Core.Search;
using MlPrep.Web.Features.Shared;

namespace MlPrep.Web.Features.Practice;

/// <summary><c>/practice/random</c>: a random question from the (optionally filtered) bank, opened in test-yourself mode.</summary>
public static class PracticeEndpoints
{
    public static void MapPractice(this WebApplication app) =>
        app.MapGet("/practice/random", async (HttpRequest request, QuestionSearch search, CancellationToken cancellationToken) =>
        {
            var (query, errors) = QuestionQuery.Parse(request.Query.Values());
            if (errors.Count > 0)
            {
                return Results.Redirect("/questions" + request.QueryString);
            }

            var ids = await search.IdsAsync(query, cancellationToken);
            if (ids.Count == 0)
            {
                return Results.Redirect("/questions" + query.ToQueryString());
            }

            var id = ids[Random.Shared.Next(ids.Count)];
            var context = query.ToQueryString();
            return Results.Redirect($"/questions/{id}{(context.Length > 0 ? context + "&" : "?")}mode=test");
        }).ExcludeFromDescription();
}
