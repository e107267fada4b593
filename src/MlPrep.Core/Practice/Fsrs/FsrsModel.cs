namespace MlPrep.Core.Practice.Fsrs;

/// <summary>The FSRS-6 memory model: stability, difficulty and retrievability (../shared/fsrs/FSRS.md §2-4).</summary>
/// <remarks>
/// Written to match ts-fsrs 5.4.2 bit for bit: JavaScript's round-half-up, <see cref="Round8"/> exactly
/// where ts-fsrs rounds, and the same order of operations inside each formula. Reordering a product or
/// using <see cref="Math.Round(double)"/> (banker's rounding) breaks the reference vectors.
/// </remarks>
public sealed class FsrsModel
{
    public const double MinStability = 0.001;
    public const double MaxStability = 36500;

    private readonly double[] _w;

    public FsrsModel(FsrsOptions options)
    {
        EnableShortTerm = options.EnableShortTerm;
        var relearningSteps = options.RelearningSteps.Length;
        _w = ClampWeights(MigrateWeights([.. options.Weights]), EnableShortTerm, relearningSteps);
        Decay = -_w[20];
        Factor = Round8(Math.Exp((1 / Decay) * Math.Log(0.9)) - 1);
        IntervalModifier = Round8((Math.Pow(options.DesiredRetention, 1 / Decay) - 1) / Factor);
    }

    public bool EnableShortTerm { get; }

    /// <summary>The resolved weights (migrated and clamped).</summary>
    public IReadOnlyList<double> Weights => _w;

    public double Decay { get; }

    public double Factor { get; }

    /// <summary>Scales stability into an interval for the desired retention (1 at 0.9).</summary>
    public double IntervalModifier { get; }

    /// <summary>JavaScript's <c>Math.round</c>: halves go up (toward +infinity).</summary>
    public static double JsRound(double x) => Math.Floor(x + 0.5);

    /// <summary>Rounds to 8 decimals the way ts-fsrs does.</summary>
    public static double Round8(double x) => JsRound(x * 100000000d) / 100000000d;

    /// <summary>Probability of recall after <paramref name="t"/> days at stability <paramref name="s"/>.</summary>
    public double Retrievability(double t, double s) => Round8(Math.Pow(1 + ((Factor * t) / s), Decay));

    /// <summary>Stability after the first rating.</summary>
    public double InitialStability(Rating g) => Math.Max(_w[(int)g - 1], 0.1);

    /// <summary>Difficulty after the first rating, before clamping to [1, 10] (Easy gives a negative value).</summary>
    public double InitialDifficultyRaw(Rating g) => Round8(_w[4] - Math.Exp(((int)g - 1) * _w[5]) + 1);

    public double InitialDifficulty(Rating g) => Math.Clamp(InitialDifficultyRaw(g), 1, 10);

    public double NextDifficulty(double d, Rating g)
    {
        var delta = -_w[6] * ((int)g - 3);
        var damped = d + Round8((delta * (10 - d)) / 9);
        var reverted = Round8((_w[7] * InitialDifficultyRaw(Rating.Easy)) + ((1 - _w[7]) * damped));
        return Math.Clamp(reverted, 1, 10);
    }

    public double NextRecallStability(double d, double s, double r, Rating g)
    {
        var hardPenalty = g == Rating.Hard ? _w[15] : 1;
        var easyBonus = g == Rating.Easy ? _w[16] : 1;
        var growth = Math.Exp(_w[8]) * (11 - d) * Math.Pow(s, -_w[9]) * (Math.Exp((1 - r) * _w[10]) - 1) * hardPenalty * easyBonus;
        return Round8(Math.Clamp(s * (1 + growth), MinStability, MaxStability));
    }

    /// <summary>Stability after a lapse, before the cap that keeps it under the old stability.</summary>
    public double NextForgetStabilityRaw(double d, double s, double r) =>
        Round8(Math.Clamp(_w[11] * Math.Pow(d, -_w[12]) * (Math.Pow(s + 1, _w[13]) - 1) * Math.Exp((1 - r) * _w[14]), MinStability, MaxStability));

    public double NextForgetStability(double d, double s, double r)
    {
        var cap = EnableShortTerm ? Round8(s / Math.Exp(_w[17] * _w[18])) : s;
        return Math.Min(Math.Max(cap, MinStability), NextForgetStabilityRaw(d, s, r));
    }

    /// <summary>Stability after a second review on the same UTC day.</summary>
    public double NextShortTermStability(double s, Rating g)
    {
        var increase = Math.Pow(s, -_w[19]) * Math.Exp(_w[17] * ((int)g - 3 + _w[18]));
        if (g >= Rating.Hard)
        {
            increase = Math.Max(increase, 1);
        }

        return Round8(Math.Clamp(s * increase, MinStability, MaxStability));
    }

    /// <summary>One model step: the memory state after rating <paramref name="g"/> with <paramref name="t"/> elapsed days.</summary>
    public (double Difficulty, double Stability) NextState((double Difficulty, double Stability)? memory, int t, Rating g)
    {
        if (t < 0 || g is < Rating.Manual or > Rating.Easy)
        {
            throw new ArgumentOutOfRangeException(nameof(t), $"invalid review: {t} elapsed days, rating {g}");
        }

        if (memory is not { } m || (m.Difficulty == 0 && m.Stability == 0))
        {
            return (InitialDifficulty(g), InitialStability(g));
        }

        if (g == Rating.Manual)
        {
            return m;
        }

        if (m.Difficulty < 1 || m.Stability < MinStability)
        {
            throw new ArgumentOutOfRangeException(nameof(memory), $"invalid memory state: difficulty {m.Difficulty}, stability {m.Stability}");
        }

        var r = Retrievability(t, m.Stability);
        var s = (t == 0 && EnableShortTerm) ? NextShortTermStability(m.Stability, g)
            : g == Rating.Again ? NextForgetStability(m.Difficulty, m.Stability, r)
            : NextRecallStability(m.Difficulty, m.Stability, r, g);
        return (NextDifficulty(m.Difficulty, g), s);
    }

    private static double[] MigrateWeights(double[] w) => w.Length switch
    {
        21 => w,
        19 => [.. w, 0, 0.5],
        17 => [.. w[..4], Round8((2 * w[5]) + w[4]), Round8(Math.Log((3 * w[5]) + 1) / 3), Round8(w[6] + 0.5), .. w[7..], 0, 0, 0, 0.5],
        _ => [.. FsrsOptions.DefaultWeights],
    };

    private static readonly (double Lo, double Hi)[] Bounds =
    [
        (0.001, 100), (0.001, 100), (0.001, 100), (0.001, 100), (1, 10), (0.001, 4), (0.001, 4), (0.001, 0.75),
        (0, 4.5), (0, 0.8), (0.001, 3.5), (0.001, 5), (0.001, 0.25), (0.001, 0.9), (0, 4), (0, 1), (1, 6),
        (0, 2), (0, 2), (0.01, 0.8), (0.1, 0.8),
    ];

    private static double[] ClampWeights(double[] w, bool shortTerm, int relearningSteps)
    {
        var clamped = new double[21];
        for (var i = 0; i < 21; i++)
        {
            var (lo, hi) = Bounds[i];
            if (i == 19 && !shortTerm)
            {
                lo = 0;
            }

            clamped[i] = Math.Clamp(i < w.Length ? w[i] : 0, lo, hi);
        }

        if (relearningSteps > 1)
        {
            // Keeps stability from growing across several relearning steps after a lapse (§2.1).
            var v = -(Math.Log(clamped[11]) + Math.Log(Math.Pow(2, clamped[13]) - 1) + (0.3 * clamped[14])) / relearningSteps;
            var c = Math.Clamp(Round8(Math.Sqrt(Math.Max(v, 0))), 0.01, 2);
            clamped[17] = Math.Clamp(w.Length > 17 ? w[17] : 0, 0, c);
            clamped[18] = Math.Clamp(w.Length > 18 ? w[18] : 0, 0, c);
        }

        return clamped;
    }
}
