using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MlPrep.Core.Practice;
using MlPrep.Web.Features.Review;

namespace MlPrep.Web.Features.Progress;

/// <summary><c>/progress</c>: reviews per day, the due forecast, retention, streak, mastery and readiness for a target level.</summary>
public sealed class IndexModel(ProgressService progress, CurrentUser user, TimeProvider time) : PageModel
{
    public ProgressReport Report { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public TargetLevel Target { get; private set; } = TargetLevel.Senior;

    public async Task<IActionResult> OnGetAsync(string? target, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(target))
        {
            if (!Enum.TryParse<TargetLevel>(target, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return BadRequest($"'{target}' is not a target level: use junior, mid, senior or staff.");
            }

            Target = parsed;
        }

        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Report = await progress.ReportAsync(user.Id, Target, cancellationToken);
        return Page();
    }
}
