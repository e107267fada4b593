using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MlPrep.Core.Content;
using MlPrep.Core.Search;
using MlPrep.Web.Features.Shared;

namespace MlPrep.Web.Features.Questions;

[OutputCache(PolicyName = "content")]
public sealed class DetailModel(ContentBank bank, QuestionSearch search) : PageModel
{
    public ContentBank Bank { get; } = bank;

    public string RequestedId { get; private set; } = "";

    public Question? Question { get; private set; }

    /// <summary>Questions whose id is close to an unknown one, offered on the 404 page.</summary>
    public IReadOnlyList<Question> Suggestions { get; private set; } = [];

    public bool TestMode { get; private set; }

    /// <summary>The list this question was opened from (its filters and search), for previous / next.</summary>
    public QuestionQuery Context { get; private set; } = new();

    public Question? Previous { get; private set; }

    public Question? Next { get; private set; }

    public int Position { get; private set; }

    public int ListCount { get; private set; }

    public IReadOnlyList<Question> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        RequestedId = id;
        Question = Bank.Find(id);
        if (Question is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Suggestions = SuggestionsFor(id);
            return Page();
        }

        if (!string.Equals(Question.Id, id, StringComparison.Ordinal))
        {
            return RedirectPermanent($"/questions/{Question.Id}{Request.QueryString}");
        }

        TestMode = Request.Query["mode"] == "test";
        var (context, errors) = QuestionQuery.Parse(Request.Query.Values());
        Context = errors.Count == 0 ? context with { Page = 1 } : new QuestionQuery();
        var ids = await search.IdsAsync(Context, cancellationToken);
        var index = ids.IndexOf(Question.Id);
        if (index < 0)
        {
            // Opened with a filter it does not match: step through the whole bank instead.
            Context = new QuestionQuery();
            ids = await search.IdsAsync(Context, cancellationToken);
            index = ids.IndexOf(Question.Id);
        }

        Position = index + 1;
        ListCount = ids.Count;
        Previous = index > 0 ? Bank.Find(ids[index - 1]) : null;
        Next = index < ids.Count - 1 ? Bank.Find(ids[index + 1]) : null;
        Related = RelatedTo(Question);
        return Page();
    }

    /// <summary>A link to another question in the same list context (and mode).</summary>
    public string LinkTo(Question other, bool? test = null)
    {
        var query = Context.ToParameters().ToList();
        if (test ?? TestMode)
        {
            query.Add(new("mode", "test"));
        }

        var text = string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return $"/questions/{other.Id}" + (text.Length > 0 ? "?" + text : "");
    }

    public string BackToList => "/questions" + Context.ToQueryString();

    private IReadOnlyList<Question> RelatedTo(Question question)
    {
        var linked = question.FollowUps.Concat(question.Prerequisites).Append(question.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. Bank.Questions
            .Where(q => !linked.Contains(q.Id))
            .Select(q => (Question: q, Shared: q.Topics.Intersect(question.Topics).Count()))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared)
            .ThenBy(x => Math.Abs(x.Question.Level - question.Level))
            .ThenBy(x => x.Question.Track == question.Track ? 0 : 1)
            .Take(6)
            .Select(x => x.Question)];
    }

    private IReadOnlyList<Question> SuggestionsFor(string id)
    {
        if (QuestionId.TryParse(id, out var parsed))
        {
            return [.. Bank.Questions
                .Where(q => QuestionId.TryParse(q.Id, out var other) && string.Equals(other.Prefix, parsed.Prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(q => QuestionId.TryParse(q.Id, out var other) ? Math.Abs(other.Number - parsed.Number) : int.MaxValue)
                .Take(5)];
        }

        return [];
    }
}
