using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MlPrep.Core.Content;
using MlPrep.Core.Interviews;
using MlPrep.Web.Features.Review;

namespace MlPrep.Web.Features.Mock;

/// <summary><c>/mock/{id}</c>: the current question of a mock interview with its clock, notes, reveal and grading.</summary>
public sealed class SessionModel(MockService mock, ContentBank bank, CurrentUser user, TimeProvider time) : PageModel
{
    public MockSession Session { get; private set; } = null!;

    public MockAnswer Current { get; private set; } = null!;

    public Question Question { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public string? Error { get; private set; }

    public int RemainingSeconds => Current.TimeBoxSeconds - Current.SecondsSpent(Now);

    public bool IsDesignStage => Question.Format == QuestionFormat.Design;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostClockAsync(long id, bool running, CancellationToken cancellationToken)
    {
        await mock.SetClockAsync(user.Id, id, running, cancellationToken);
        return Redirect($"/mock/{id}");
    }

    public async Task<IActionResult> OnPostDoneAsync(long id, string? notes, CancellationToken cancellationToken)
    {
        await mock.DoneAsync(user.Id, id, notes, cancellationToken);
        return Redirect($"/mock/{id}");
    }

    public async Task<IActionResult> OnPostScoreAsync(long id, int score, int[]? keyPoint, CancellationToken cancellationToken)
    {
        Error = await mock.ScoreAsync(user.Id, id, score, keyPoint ?? [], cancellationToken);
        if (Error is null)
        {
            return Redirect($"/mock/{id}");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken cancellationToken)
    {
        await mock.EndAsync(user.Id, id, cancellationToken);
        return Redirect($"/mock/{id}/report");
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        if (await mock.GetAsync(user.Id, id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        if (session.IsFinished || session.Current is null)
        {
            return Redirect($"/mock/{id}/report");
        }

        Session = session;
        Current = session.Current;
        Question = bank.Find(Current.QuestionId) ?? throw new InvalidOperationException($"question {Current.QuestionId} left the bank");
        return null;
    }
}
