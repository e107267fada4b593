using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MlPrep.Core.Content;

namespace MlPrep.Web.Features.Home;

[OutputCache(PolicyName = "content")]
public sealed class IndexModel(ContentBank bank) : PageModel
{
    public ContentBank Bank { get; } = bank;

    public IReadOnlyList<(Track Track, int Count)> Tracks { get; private set; } = [];

    public IReadOnlyList<(Level Level, int Count)> Levels { get; private set; } = [];

    public IReadOnlyList<(Round Round, int Count)> Rounds { get; private set; } = [];

    public void OnGet()
    {
        Tracks = [.. Enum.GetValues<Track>().Select(t => (t, Bank.Questions.Count(q => q.Track == t))).Where(t => t.Item2 > 0)];
        Levels = [.. Enum.GetValues<Level>().Select(l => (l, Bank.Questions.Count(q => q.Level == l)))];
        Rounds = [.. Enum.GetValues<Round>().Select(r => (r, Bank.Questions.Count(q => q.Rounds.Contains(r)))).Where(r => r.Item2 > 0)];
    }
}
