using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MlPrep.Core.Content;
using MlPrep.Core.Search;
using MlPrep.Web.Features.Shared;

namespace MlPrep.Web.Features.Questions;

/// <summary>The JSON API over the bank: the same filters, paging and search as the pages.</summary>
public static class QuestionsApi
{
    public static void MapQuestionsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Questions");

        api.MapGet("/questions", async Task<Results<Ok<QuestionListDto>, ValidationProblem>> (
            [AsParameters] QueryParameters parameters, HttpRequest request, QuestionSearch search, ContentBank bank, CancellationToken cancellationToken) =>
        {
            var (query, errors) = QuestionQuery.Parse(request.Query.Values());
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
            }

            return TypedResults.Ok(QuestionListDto.From(await search.QueryAsync(query, cancellationToken), bank));
        })
        .WithName("ListQuestions")
        .WithSummary("List questions, filtered, sorted and paged; with q, search them.");

        api.MapGet("/questions/{id}", Results<Ok<QuestionDetailDto>, ProblemHttpResult> (string id, ContentBank bank) =>
            bank.Find(id) is { } question
                ? TypedResults.Ok(QuestionDetailDto.From(question))
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Question not found",
                    detail: $"There is no question '{id}'. Ids look like ML-001: a track prefix and a number.",
                    extensions: new Dictionary<string, object?> { ["field"] = "id" }))
        .WithName("GetQuestion")
        .WithSummary("One question with every section (Markdown and HTML), key points and links.");

        api.MapGet("/search", async Task<Results<Ok<QuestionListDto>, ValidationProblem>> (
            [AsParameters] QueryParameters parameters, HttpRequest request, QuestionSearch search, ContentBank bank, CancellationToken cancellationToken) =>
        {
            var (query, errors) = QuestionQuery.Parse(request.Query.Values());
            var merged = new Dictionary<string, string[]>(errors);
            if (!errors.ContainsKey("q") && SearchTerms.Parse(query.Text, bank.Thesaurus).IsEmpty)
            {
                merged["q"] = ["Give search text with at least one letter or digit, e.g. q=gradient+boosting."];
            }

            if (merged.Count > 0)
            {
                return TypedResults.ValidationProblem(merged, title: "Invalid search");
            }

            return TypedResults.Ok(QuestionListDto.From(await search.QueryAsync(query, cancellationToken), bank));
        })
        .WithName("Search")
        .WithSummary("Full-text search with thesaurus expansion and prefix matching, combinable with the list filters; results carry highlighted snippets.");

        api.MapGet("/tracks", (ContentBank bank) => TypedResults.Ok(TrackDto.All(bank)))
            .WithName("ListTracks")
            .WithSummary("Every track with its id prefix and question count.");

        api.MapGet("/stats", (ContentBank bank) => TypedResults.Ok(BankStatistics.From(bank)))
            .WithName("GetStats")
            .WithSummary("Counts over the bank: questions, completeness, key points, and by track, level, kind, round, format and difficulty.");
    }

    /// <summary>The list parameters, declared for the OpenAPI document; values are read and validated by <see cref="QuestionQuery.Parse"/>.</summary>
    public sealed record QueryParameters(
        [property: FromQuery(Name = "q")] string? Q,
        [property: FromQuery(Name = "track")] string[]? Track,
        [property: FromQuery(Name = "level")] string[]? Level,
        [property: FromQuery(Name = "kind")] string[]? Kind,
        [property: FromQuery(Name = "round")] string[]? Round,
        [property: FromQuery(Name = "topic")] string[]? Topic,
        [property: FromQuery(Name = "min_difficulty")] string? MinDifficulty,
        [property: FromQuery(Name = "max_difficulty")] string? MaxDifficulty,
        [property: FromQuery(Name = "sort")] string? Sort,
        [property: FromQuery(Name = "page")] string? Page,
        [property: FromQuery(Name = "page_size")] string? PageSize);
}

/// <summary>A page of questions; <c>title_html</c> and <c>snippet_html</c> are set for search results.</summary>
/// <remarks><c>total_is_estimate</c> is true when a search over a very large bank ranked its best matches without
/// counting every match; <c>total</c> and <c>page_count</c> are then approximate.</remarks>
public sealed record QuestionListDto(string? Query, int Total, bool TotalIsEstimate, int Page, int PageSize, int PageCount, IReadOnlyList<QuestionListItemDto> Items)
{
    public static QuestionListDto From(QuestionPage page, ContentBank bank) => new(
        page.Terms?.Text, page.Total, page.TotalIsEstimate, page.Query.Page, page.Query.PageSize, page.PageCount,
        [.. page.Items.Select(i => bank.Find(i.Question.Id) is { } q ? QuestionListItemDto.From(q, i) : null).OfType<QuestionListItemDto>()]);
}

public sealed record QuestionListItemDto(
    string Id, string Title, string Track, string Format, string Level, int Difficulty, string Kind,
    IReadOnlyList<string> Rounds, IReadOnlyList<string> Topics, string Status, string Url, string? TitleHtml, string? SnippetHtml)
{
    public static QuestionListItemDto From(Question q, QuestionListItem item) => new(
        q.Id, q.Title, Slug.Of(q.Track), Slug.Of(q.Format), Slug.Of(q.Level), q.Difficulty, Slug.Of(q.Kind),
        [.. q.Rounds.Select(Slug.Of)], q.Topics, Slug.Of(q.Status), $"/questions/{q.Id}", item.TitleHtml, item.SnippetHtml);
}

public sealed record TrackDto(string Slug, string Name, string Prefix, int Questions)
{
    public static IReadOnlyList<TrackDto> All(ContentBank bank) =>
        [.. Enum.GetValues<Track>().Select(t => new TrackDto(Core.Content.Slug.Of(t), t.DisplayName(), t.Prefix(), bank.Questions.Count(q => q.Track == t)))];
}
