using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MlPrep.Core.Content;
using MlPrep.Core.Search;
using MlPrep.Web.Features.Shared;

namespace MlPrep.Web.Features.Questions;

[OutputCache(PolicyName = "content")]
public sealed class IndexModel(QuestionSearch search, ContentBank bank) : PageModel
{
    public QuestionQuery Query { get; private set; } = new();

    public QuestionPage? Results { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IReadOnlyList<string> Topics { get; } = [.. bank.Questions.SelectMany(q => q.Topics).Distinct().Order(StringComparer.Ordinal)];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        (Query, Errors) = QuestionQuery.Parse(Request.Query.Values());
        if (Errors.Count == 0)
        {
            Results = await search.QueryAsync(Query, cancellationToken);
            if (Query.Page > Results.PageCount)
            {
                Errors = new Dictionary<string, string[]>
                {
                    ["page"] = [$"There {(Results.PageCount == 1 ? "is 1 page" : $"are {Results.PageCount} pages")} of results; page {Query.Page} does not exist."],
                };
                Results = null;
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Request.WantsFragment("results") ? Partial("_Results", this) : Page();
    }

    /// <summary>"Showing 16 questions · Machine Learning · page 1 of 2".</summary>
    public string Summary()
    {
        if (Results is null)
        {
            return "";
        }

        var parts = new List<string>
        {
            Results.Terms is null
                ? $"Showing {Display.Count(Results.Total, "question")}"
                : $"{(Results.TotalIsEstimate ? "About " : "")}{Display.Count(Results.Total, "result")} for “{Query.Text}”",
        };
        parts.AddRange(Query.Tracks.Select(Display.Name));
        parts.AddRange(Query.Levels.Select(Display.Name));
        parts.AddRange(Query.Kinds.Select(Display.Name));
        parts.AddRange(Query.Rounds.Select(Display.Name));
        parts.AddRange(Query.Topics.Select(t => "#" + t));
        if (Query.MinDifficulty is not null || Query.MaxDifficulty is not null)
        {
            parts.Add($"difficulty {Query.MinDifficulty ?? 1}–{Query.MaxDifficulty ?? 10}");
        }

        if (Results.Total > 0)
        {
            parts.Add($"page {Query.Page} of {(Results.TotalIsEstimate ? "about " : "")}{Results.PageCount:N0}");
        }

        return string.Join(" · ", parts);
    }

    /// <summary>The link to a question that keeps this list as its previous / next context.</summary>
    public string LinkTo(string id)
    {
        var context = Query with { Page = 1, PageSize = QuestionQuery.DefaultPageSize };
        return $"/questions/{Uri.EscapeDataString(id)}{context.ToQueryString()}";
    }

    public string PageLink(int page) => "/questions" + Query.ToQueryString(page);

    /// <summary>Clearing filters keeps the search text.</summary>
    public string ClearLink => Query.Text.Length > 0 ? "/questions?q=" + Uri.EscapeDataString(Query.Text) : "/questions";
}
