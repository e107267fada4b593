using System.Collections.Immutable;
using System.Globalization;

namespace MlPrep.Core.Practice.Fsrs;

/// <summary>The scheduler's settings (../shared/fsrs/FSRS.md §2).</summary>
public sealed record FsrsOptions
{
    /// <summary>The 21 default FSRS-6 weights.</summary>
    public static readonly ImmutableArray<double> DefaultWeights =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    /// <summary>The probability of recall the schedule aims for when a card comes due.</summary>
    public double DesiredRetention { get; init; } = 0.9;

    /// <summary>The longest interval in days.</summary>
    public int MaximumInterval { get; init; } = 36500;

    /// <summary>Spread intervals of 3 days and more a little so cards learned together do not stay together.</summary>
    public bool EnableFuzz { get; init; }

    /// <summary>Minute steps and the same-day stability formula (ts-fsrs' basic scheduler); off gives whole days only.</summary>
    public bool EnableShortTerm { get; init; } = true;

    /// <summary>Steps of a new card, e.g. <c>1m</c>, <c>10m</c>, <c>1h</c>, <c>1d</c>.</summary>
    public ImmutableArray<string> LearningSteps { get; init; } = ["1m", "10m"];

    /// <summary>Steps after a lapse.</summary>
    public ImmutableArray<string> RelearningSteps { get; init; } = ["10m"];

    /// <summary>FSRS weights: 21 (FSRS-6), or 19 / 17 from older versions, migrated; anything else means the defaults.</summary>
    public ImmutableArray<double> Weights { get; init; } = DefaultWeights;

    /// <summary>What is wrong with these settings, one message per problem (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(DesiredRetention > 0 && DesiredRetention <= 1))
        {
            problems.Add($"desired retention must be above 0 and at most 1 (got {DesiredRetention.ToString(CultureInfo.InvariantCulture)})");
        }

        if (MaximumInterval < 1)
        {
            problems.Add($"maximum interval must be at least 1 day (got {MaximumInterval})");
        }

        foreach (var step in LearningSteps.Concat(RelearningSteps))
        {
            if (!TryParseStep(step, out _))
            {
                problems.Add($"step '{step}' is not a whole number followed by m, h or d (e.g. 10m)");
            }
        }

        if (Weights.Any(w => !double.IsFinite(w)))
        {
            problems.Add("weights must be finite numbers");
        }

        return problems;
    }

    /// <summary>Parses a step such as <c>10m</c>, <c>2h</c> or <c>1d</c> into minutes.</summary>
    public static bool TryParseStep(string? step, out int minutes)
    {
        minutes = 0;
        if (step is not { Length: >= 2 } || !int.TryParse(step.AsSpan(0, step.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        int? unit = step[^1] switch { 'm' => 1, 'h' => 60, 'd' => 1440, _ => null };
        if (unit is null || n > int.MaxValue / unit)
        {
            return false;
        }

        minutes = n * unit.Value;
        return true;
    }
}
