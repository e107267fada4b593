using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Practice;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;
using MlPrep.Web.Features.Shared;

namespace MlPrep.Web.Features.Review;

/// <summary><c>/review</c>: one question at a time from the review queue; recall, reveal, tick key points, rate.</summary>
public sealed class IndexModel(ReviewService review, MlPrepDb db, CurrentUser user, TimeProvider time) : PageModel
{
    public ReviewItem? Item { get; private set; }

    public ReviewCounts Counts { get; private set; } = new(0, 0, 0);

    public IReadOnlyList<Deck> Decks { get; private set; } = [];

    public Deck? Deck { get; private set; }

    /// <summary>The filter being reviewed (a saved deck's, or one given in the URL).</summary>
    public QuestionQuery Filter { get; private set; } = new();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Notice { get; private set; }

    public string? Conflict { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>When the next card becomes due, if nothing is due now.</summary>
    public DateTimeOffset? NextDue { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadFilterAsync(cancellationToken))
        {
            return Page();
        }

        if (Request.Query["rated"] is [{ } rated] && Request.Query["next"] is [{ } next])
        {
            Notice = $"{rated} rated; it comes back in {next}.";
        }
        else if (Request.Query["undone"] is [{ } undone])
        {
            Notice = $"Your last rating of {undone} was undone.";
        }

        await LoadItemAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(string questionId, int rating, int version, long shownAt, int[]? keyPoint, CancellationToken cancellationToken)
    {
        if (!await LoadFilterAsync(cancellationToken))
        {
            return Page();
        }

        var seconds = (int)Math.Clamp((time.GetUtcNow().ToUnixTimeMilliseconds() - shownAt) / 1000, 0, 24 * 3600);
        var result = await review.RateAsync(user.Id, new RatingRequest(questionId ?? "", (Rating)rating, version, seconds, keyPoint ?? [], Deck?.Id), cancellationToken);
        switch (result.Status)
        {
            case RatingStatus.Saved:
                var wait = Intervals.Label(result.Card!.Due.AsUtcInstant() - time.GetUtcNow());
                return Redirect(Link(("rated", questionId), ("next", wait)));
            case RatingStatus.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                Conflict = result.Message;
                break;
            default:
                Response.StatusCode = result.Status == RatingStatus.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
                Conflict = result.Message;
                break;
        }

        await LoadItemAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUndoAsync(CancellationToken cancellationToken)
    {
        await LoadFilterAsync(cancellationToken);
        var undone = await review.UndoAsync(user.Id, cancellationToken);
        return Redirect(undone is null ? Link() : Link(("undone", undone.QuestionId)));
    }

    public async Task<IActionResult> OnPostSuspendAsync(string questionId, CancellationToken cancellationToken)
    {
        await LoadFilterAsync(cancellationToken);
        return await review.SuspendAsync(user.Id, questionId ?? "", suspend: true, cancellationToken) ? Redirect(Link()) : NotFound();
    }

    public async Task<IActionResult> OnPostBuryAsync(string questionId, CancellationToken cancellationToken)
    {
        await LoadFilterAsync(cancellationToken);
        return await review.BuryAsync(user.Id, questionId ?? "", cancellationToken) ? Redirect(Link()) : NotFound();
    }

    /// <summary>This page's address for the current deck or filter, plus extra parameters.</summary>
    public string Link(params (string Name, string? Value)[] extra)
    {
        var parameters = Deck is { } deck
            ? [new KeyValuePair<string, string>("deck", deck.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]
            : Filter.ToParameters().Where(p => p.Key != "page").ToList();
        parameters.AddRange(extra.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, string>(e.Name, e.Value!)));
        return "/review" + QueryString.Create(parameters!);
    }

    private async Task<bool> LoadFilterAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Decks = await db.Decks.AsNoTracking().Where(d => d.UserId == user.Id).OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var deckParameter = Request.Query["deck"].ToString();
        if (deckParameter.Length > 0)
        {
            Deck = Deck.Find(Decks, deckParameter, out var error);
            if (Deck is null)
            {
                Errors = new Dictionary<string, string[]> { ["deck"] = [error!] };
                Response.StatusCode = StatusCodes.Status404NotFound;
                return false;
            }

            Filter = Deck.Query();
            return true;
        }

        var (filter, errors) = QuestionQuery.Parse(Request.Query.Values());
        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        Filter = filter with { Page = 1 };
        return true;
    }

    private async Task LoadItemAsync(CancellationToken cancellationToken)
    {
        Item = await review.NextAsync(user.Id, Filter, cancellationToken);
        Counts = Item?.Counts ?? await review.CountsAsync(user.Id, Filter, cancellationToken);
        if (Item is null)
        {
            var due = await db.ReviewCards.AsNoTracking()
                .Where(c => c.UserId == user.Id && !c.Suspended && c.State != CardState.New)
                .OrderBy(c => c.Due).Select(c => (DateTime?)c.Due).FirstOrDefaultAsync(cancellationToken);
            NextDue = due?.AsUtcInstant();
        }
    }
}
