using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MlPrep.Core.Practice;

namespace MlPrep.Web.Features.Review;

/// <summary><c>/review/settings</c>: desired retention, new questions per day, steps, maximum interval, fuzz, leech threshold.</summary>
public sealed class SettingsModel(ReviewService review, CurrentUser user) : PageModel
{
    public PracticeSettings Settings { get; private set; } = PracticeSettings.Defaults(Users.Local);

    public Dictionary<string, string> Errors { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Settings = await review.SettingsAsync(user.Id, cancellationToken);
        Saved = Request.Query["saved"] == "1";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var form = Request.Form;
        Settings = PracticeSettings.Defaults(user.Id);
        Settings.DesiredRetention = Number(form["desired_retention"], "desired_retention", "a number such as 0.9", Settings.DesiredRetention);
        Settings.NewPerDay = (int)Number(form["new_per_day"], "new_per_day", "a whole number such as 10", Settings.NewPerDay, whole: true);
        Settings.MaximumInterval = (int)Number(form["maximum_interval"], "maximum_interval", "a whole number of days", Settings.MaximumInterval, whole: true);
        Settings.LeechThreshold = (int)Number(form["leech_threshold"], "leech_threshold", "a whole number of lapses", Settings.LeechThreshold, whole: true);
        Settings.LearningSteps = form["learning_steps"].ToString();
        Settings.RelearningSteps = form["relearning_steps"].ToString();
        Settings.Fuzz = form["fuzz"] == "on";
        if (Errors.Count == 0)
        {
            Errors = await review.SaveSettingsAsync(Settings, cancellationToken);
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect("/review/settings?saved=1");
    }

    private double Number(string? text, string field, string expected, double fallback, bool whole = false)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && (!whole || value == Math.Floor(value)) && Math.Abs(value) < int.MaxValue)
        {
            return value;
        }

        Errors[field] = $"'{text}' is not {expected}";
        return fallback;
    }
}
