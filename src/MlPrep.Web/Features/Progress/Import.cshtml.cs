using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MlPrep.Core.Practice;
using MlPrep.Web.Features.Review;

namespace MlPrep.Web.Features.Progress;

/// <summary><c>/progress/import</c>: replace the local data with an export file.</summary>
public sealed class ImportModel(UserDataService data, CurrentUser user) : PageModel
{
    public List<string> Errors { get; private set; } = [];

    public ImportResult? Imported { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Errors = ["Choose an export file (a .json file from “Export all my data”)."];
        }
        else if (file.Length > 200 * 1024 * 1024)
        {
            Errors = ["The file is larger than 200 MB; that is not an MlPrep export."];
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var (read, errors) = await UserDataService.ReadAsync(stream, cancellationToken);
            Errors = read is null ? errors : await data.ImportAsync(user.Id, read, cancellationToken);
            Imported = Errors.Count == 0 ? ImportResult.From(read!) : null;
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
