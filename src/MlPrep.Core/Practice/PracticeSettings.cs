using System.Collections.Immutable;
using System.Globalization;
using MlPrep.Core.Practice.Fsrs;

namespace MlPrep.Core.Practice;

/// <summary>A user's review settings.</summary>
public sealed class PracticeSettings
{
    public required string UserId { get; set; }

    /// <summary>Target probability of recall when a card comes due (FSRS's desired retention).</summary>
    public double DesiredRetention { get; set; } = 0.9;

    /// <summary>How many questions the user meets for the first time per UTC day.</summary>
    public int NewPerDay { get; set; } = 10;

    /// <summary>Space-separated steps such as <c>1m 10m</c>.</summary>
    public string LearningSteps { get; set; } = "1m 10m";

    public string RelearningSteps { get; set; } = "10m";

    public int MaximumInterval { get; set; } = 36500;

    public bool Fuzz { get; set; } = true;

    /// <summary>Lapses after which a card is tagged as a leech.</summary>
    public int LeechThreshold { get; set; } = 8;

    public DateTime UpdatedAt { get; set; }

    public static PracticeSettings Defaults(string userId) => new() { UserId = userId };

    public FsrsOptions ToFsrsOptions() => new()
    {
        DesiredRetention = DesiredRetention,
        MaximumInterval = MaximumInterval,
        EnableFuzz = Fuzz,
        LearningSteps = Steps(LearningSteps),
        RelearningSteps = Steps(RelearningSteps),
    };

    /// <summary>What is wrong with these settings, as one message per field (empty when valid).</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (!(DesiredRetention >= 0.7 && DesiredRetention <= 0.99))
        {
            errors["desired_retention"] = $"must be between 0.70 and 0.99 (got {DesiredRetention.ToString(CultureInfo.InvariantCulture)}); 0.9 is the usual choice";
        }

        if (NewPerDay is < 0 or > 500)
        {
            errors["new_per_day"] = $"must be between 0 and 500 (got {NewPerDay})";
        }

        if (MaximumInterval is < 1 or > 36500)
        {
            errors["maximum_interval"] = $"must be between 1 and 36500 days (got {MaximumInterval})";
        }

        if (LeechThreshold is < 1 or > 100)
        {
            errors["leech_threshold"] = $"must be between 1 and 100 lapses (got {LeechThreshold})";
        }

        foreach (var (name, value) in new[] { ("learning_steps", LearningSteps), ("relearning_steps", RelearningSteps) })
        {
            var bad = Steps(value).FirstOrDefault(s => !FsrsOptions.TryParseStep(s, out var m) || m == 0);
            if (bad is not null)
            {
                errors[name] = $"'{bad}' is not a step: use whole numbers with m, h or d, separated by spaces (e.g. 1m 10m)";
            }
        }

        return errors;
    }

    private static ImmutableArray<string> Steps(string text) =>
        [.. text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
