using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MlPrep.Core.Content;
using MlPrep.Core.Interviews;
using MlPrep.Web.Features.Review;

namespace MlPrep.Web.Features.Mock;

/// <summary><c>/mock/{id}/report</c>: how the interview went and what to practise next.</summary>
public sealed class ReportModel(MockService mock, ContentBank bank, CurrentUser user, TimeProvider time) : PageModel
{
    public MockReport Report { get; private set; } = null!;

    public int? Queued { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await mock.GetAsync(user.Id, id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        Report = MockReport.From(session, bank, time.GetUtcNow());
        Queued = int.TryParse(Request.Query["queued"], out var n) ? n : null;
        return Page();
    }

    public async Task<IActionResult> OnPostQueueAsync(long id, CancellationToken cancellationToken)
    {
        var count = await mock.QueueMissedAsync(user.Id, id, cancellationToken);
        return Redirect($"/mock/{id}/report?queued={count}");
    }
}
