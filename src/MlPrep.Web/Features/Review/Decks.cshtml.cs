using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Practice;
using MlPrep.Core.Storage;

namespace MlPrep.Web.Features.Review;

/// <summary><c>/review/decks</c>: saved filters to review from.</summary>
public sealed class DecksModel(ReviewService review, MlPrepDb db, CurrentUser user, TimeProvider time) : PageModel
{
    public IReadOnlyList<(Deck Deck, ReviewCounts Counts)> Decks { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public string Name { get; private set; } = "";

    public string Filter { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = Request.Query["filter"].ToString();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? filter, CancellationToken cancellationToken)
    {
        Name = (name ?? "").Trim();
        Filter = (filter ?? "").Trim().TrimStart('?');
        if (Name.Length is 0 or > 100)
        {
            Errors["name"] = "Give the deck a name of 1 to 100 characters.";
        }
        else if (await db.Decks.AnyAsync(d => d.UserId == user.Id && d.Name == Name, cancellationToken))
        {
            Errors["name"] = $"You already have a deck called '{Name}'.";
        }

        var (query, errors) = Deck.Parse(Filter);
        foreach (var (parameter, messages) in errors)
        {
            Errors["filter"] = $"{parameter}: {string.Join(" ", messages)}";
        }

        if (Errors.Count == 0 && !query.HasFilters && query.Text.Length == 0)
        {
            Errors["filter"] = "The filter selects the whole bank; add at least one filter, e.g. track=deep-learning&level=advanced.";
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var deck = new Deck { UserId = user.Id, Name = Name, Filter = query.ToQueryString().TrimStart('?'), CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Decks.Add(deck);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/review?deck={deck.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        var deleted = await db.Decks.Where(d => d.UserId == user.Id && d.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NotFound() : Redirect("/review/decks");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var decks = await db.Decks.AsNoTracking().Where(d => d.UserId == user.Id).OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var withCounts = new List<(Deck, ReviewCounts)>();
        foreach (var deck in decks)
        {
            withCounts.Add((deck, await review.CountsAsync(user.Id, deck.Query(), cancellationToken)));
        }

        Decks = withCounts;
    }
}
