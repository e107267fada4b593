using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MlPrep.Core.Content;
using MlPrep.Core.Interviews;
using MlPrep.Web.Features.Review;

namespace MlPrep.Web.Features.Mock;

/// <summary><c>/mock</c>: start a mock interview or resume one; past interviews with their reports.</summary>
public sealed class IndexModel(MockService mock, CurrentUser user) : PageModel
{
    public IReadOnlyList<MockSession> Sessions { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sessions = await mock.ListAsync(user.Id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? round, string? track, string? level, CancellationToken cancellationToken)
    {
        if (!MockRounds.TryParse(round, out var r))
        {
            Errors["round"] = $"Choose a round: {string.Join(", ", Enum.GetValues<MockRound>().Select(x => x.Slug()))}.";
        }

        Track? t = null;
        if (!string.IsNullOrEmpty(track))
        {
            if (Slug.TryParse<Track>(track, out var parsed))
            {
                t = parsed;
            }
            else
            {
                Errors["track"] = $"'{track}' is not a track. Valid tracks: {Slug.List<Track>()}.";
            }
        }

        Level? l = null;
        if (!string.IsNullOrEmpty(level))
        {
            if (Slug.TryParse<Level>(level, out var parsed))
            {
                l = parsed;
            }
            else
            {
                Errors["level"] = $"'{level}' is not a level. Valid levels: {Slug.List<Level>()}.";
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Sessions = await mock.ListAsync(user.Id, cancellationToken);
            return Page();
        }

        var session = await mock.StartAsync(user.Id, r, t, l, cancellationToken: cancellationToken);
        return Redirect($"/mock/{session.Id}");
    }
}
