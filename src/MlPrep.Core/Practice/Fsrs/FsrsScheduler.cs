using System.Collections.Immutable;

namespace MlPrep.Core.Practice.Fsrs;

/// <summary>Turns a rating into the card's next state and due date (../shared/fsrs/FSRS.md §5-8).</summary>
/// <remarks>
/// Reproduces ts-fsrs 5.4.2's <c>FSRS.next</c> and <c>FSRS.repeat</c>: the basic scheduler with minute
/// steps when short-term scheduling is on, the long-term scheduler (whole days only) when it is off.
/// Elapsed days are counted in UTC calendar days. Fuzz, when enabled, draws from a generator seeded by
/// the caller (a question id and the review count), so the interval shown on a button before rating is
/// the interval the rating then gives.
/// </remarks>
public sealed class FsrsScheduler
{
    private const long DayMs = 86_400_000;
    private readonly FsrsOptions _options;
    private readonly ImmutableArray<int> _learning;
    private readonly ImmutableArray<int> _relearning;

    public FsrsScheduler(FsrsOptions? options = null)
    {
        _options = options ?? new FsrsOptions();
        if (_options.Validate() is [var first, ..])
        {
            throw new ArgumentException("Invalid scheduler settings: " + first, nameof(options));
        }

        Model = new FsrsModel(_options);
        _learning = [.. _options.LearningSteps.Select(Minutes)];
        _relearning = [.. _options.RelearningSteps.Select(Minutes)];
    }

    public FsrsModel Model { get; }

    public FsrsOptions Options => _options;

    /// <summary>Whole UTC calendar days from the last review to <paramref name="now"/> (0 for a new card).</summary>
    public static int ElapsedDays(FsrsCard card, DateTimeOffset now) =>
        card.State == CardState.New || card.LastReview is not { } last
            ? 0
            : (int)Math.Floor((now.UtcDateTime.Date - last.UtcDateTime.Date).TotalMilliseconds / DayMs);

    /// <summary>The outcome of each of the four ratings at <paramref name="now"/>.</summary>
    public IReadOnlyDictionary<Rating, FsrsCard> Repeat(FsrsCard card, DateTimeOffset now, ulong fuzzSeed = 0) =>
        new Dictionary<Rating, FsrsCard>
        {
            [Rating.Again] = Next(card, now, Rating.Again, fuzzSeed),
            [Rating.Hard] = Next(card, now, Rating.Hard, fuzzSeed),
            [Rating.Good] = Next(card, now, Rating.Good, fuzzSeed),
            [Rating.Easy] = Next(card, now, Rating.Easy, fuzzSeed),
        };

    /// <summary>The card after rating it <paramref name="g"/> at <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentException">A manual rating, or a review before the card's last review.</exception>
    public FsrsCard Next(FsrsCard card, DateTimeOffset now, Rating g, ulong fuzzSeed = 0)
    {
        if (g is < Rating.Again or > Rating.Easy)
        {
            throw new ArgumentException($"rating must be Again, Hard, Good or Easy (got {g})", nameof(g));
        }

        var t = ElapsedDays(card, now);
        if (t < 0)
        {
            throw new ArgumentException($"the review at {now:O} is before the card's last review at {card.LastReview:O}", nameof(now));
        }

        var fuzz = new Fuzz(fuzzSeed, card.Reps + 1);
        var next = card with { Reps = card.Reps + 1, LastReview = now, ElapsedDays = t };
        return _options.EnableShortTerm ? NextBasic(card, next, now, t, g, fuzz) : NextLongTerm(card, next, now, t, g, fuzz);
    }

    /// <summary>The probability of recalling the card at <paramref name="now"/>, for display (§8: whole days since the last review, by time, not by date).</summary>
    public double Retrievability(FsrsCard card, DateTimeOffset now)
    {
        if (card.State == CardState.New || card.LastReview is not { } last)
        {
            return 0;
        }

        var t = Math.Max(0, Math.Floor((now - last).TotalMilliseconds / DayMs));
        return Model.Retrievability(t, FsrsModel.Round8(card.Stability));
    }

    private FsrsCard NextBasic(FsrsCard before, FsrsCard next, DateTimeOffset now, int t, Rating g, Fuzz fuzz)
    {
        var memory = before.State == CardState.New ? ((double, double)?)null : (before.Difficulty, before.Stability);
        if (before.State != CardState.Review)
        {
            var (d, s) = Model.NextState(memory, t, g);
            next = next with { Difficulty = d, Stability = s };
            var target = before.State == CardState.New ? CardState.Learning : before.State;
            return ApplyStep(next, Step(before, g), target, now, t, fuzz);
        }

        var states = Enum.GetValues<Rating>().Where(r => r != Rating.Manual).ToDictionary(r => r, r => Model.NextState(memory, t, r));
        if (g == Rating.Again)
        {
            var (d, s) = states[Rating.Again];
            next = next with { Difficulty = d, Stability = s, Lapses = before.Lapses + 1 };
            return ApplyStep(next, Step(before, g), CardState.Relearning, now, t, fuzz);
        }

        var hard = NextInterval(states[Rating.Hard].Stability, t, fuzz);
        var good = NextInterval(states[Rating.Good].Stability, t, fuzz);
        hard = Math.Min(hard, good);
        good = Math.Max(good, hard + 1);
        var easy = Math.Max(NextInterval(states[Rating.Easy].Stability, t, fuzz), good + 1);
        var days = g switch { Rating.Hard => hard, Rating.Good => good, _ => easy };
        var (dg, sg) = states[g];
        return InReview(next with { Difficulty = dg, Stability = sg }, now, days);
    }

    private FsrsCard NextLongTerm(FsrsCard before, FsrsCard next, DateTimeOffset now, int t, Rating g, Fuzz fuzz)
    {
        var memory = before.State == CardState.New ? ((double, double)?)null : (before.Difficulty, before.Stability);
        var states = Enum.GetValues<Rating>().Where(r => r != Rating.Manual).ToDictionary(r => r, r => Model.NextState(memory, t, r));
        var again = NextInterval(states[Rating.Again].Stability, t, fuzz);
        var hard = NextInterval(states[Rating.Hard].Stability, t, fuzz);
        var good = NextInterval(states[Rating.Good].Stability, t, fuzz);
        var easy = NextInterval(states[Rating.Easy].Stability, t, fuzz);
        again = Math.Min(again, hard);
        hard = Math.Max(hard, again + 1);
        good = Math.Max(good, hard + 1);
        easy = Math.Max(easy, good + 1);
        var days = g switch { Rating.Again => again, Rating.Hard => hard, Rating.Good => good, _ => easy };
        var (d, s) = states[g];
        next = next with { Difficulty = d, Stability = s };
        if (g == Rating.Again && before.State != CardState.New)
        {
            next = next with { Lapses = before.Lapses + 1 };
        }

        return InReview(next, now, days);
    }

    /// <summary>The (re)learning step a rating leads to: minutes and the next step index, or null to graduate (§6.1).</summary>
    private (int Minutes, int Index)? Step(FsrsCard before, Rating g)
    {
        var steps = before.State is CardState.Review or CardState.Relearning ? _relearning : _learning;
        var i = before.LearningSteps;
        if (steps.Length == 0 || i >= steps.Length)
        {
            return null;
        }

        if (before.State == CardState.Review)
        {
            return g == Rating.Again ? (steps[i], 0) : null;
        }

        return g switch
        {
            Rating.Again => (steps[0], 0),
            Rating.Hard => ((int)FsrsModel.JsRound(steps.Length == 1 ? 1.5 * steps[0] : (steps[0] + steps[1]) / 2.0), i),
            Rating.Good when i + 1 < steps.Length && steps[i + 1] != 0 => (steps[i + 1], i + 1),
            _ => null,
        };
    }

    private FsrsCard ApplyStep(FsrsCard card, (int Minutes, int Index)? step, CardState target, DateTimeOffset now, int t, Fuzz fuzz)
    {
        var minutes = Math.Max(0, step?.Minutes ?? 0);
        var index = Math.Max(0, step?.Index ?? 0);
        return minutes switch
        {
            > 0 and < 1440 => card with { State = target, LearningSteps = index, ScheduledDays = 0, Due = now.AddMilliseconds(minutes * 60_000L) },
            >= 1440 => card with { State = CardState.Review, LearningSteps = index, ScheduledDays = minutes / 1440, Due = now.AddMilliseconds(minutes * 60_000L) },
            _ => InReview(card, now, NextInterval(card.Stability, t, fuzz)),
        };
    }

    private static FsrsCard InReview(FsrsCard card, DateTimeOffset now, int days) =>
        card with { State = CardState.Review, LearningSteps = 0, ScheduledDays = days, Due = now.AddMilliseconds(days * DayMs) };

    /// <summary>Whole days until the next review for stability <paramref name="s"/> (§4.1), fuzzed when enabled (§7).</summary>
    public int NextInterval(double s, int elapsedDays, ulong fuzzSeed = 0) => NextInterval(s, elapsedDays, new Fuzz(fuzzSeed, 0));

    private int NextInterval(double s, int elapsedDays, Fuzz fuzz)
    {
        var interval = (int)Math.Min(Math.Max(1, FsrsModel.JsRound(s * Model.IntervalModifier)), _options.MaximumInterval);
        if (!_options.EnableFuzz || interval < 2.5)
        {
            return interval;
        }

        var (lo, hi) = FuzzRange(interval, elapsedDays, _options.MaximumInterval);
        return (int)Math.Floor((fuzz.Next() * (hi - lo + 1)) + lo);
    }

    /// <summary>The range fuzz draws an interval from (§7).</summary>
    public static (int Min, int Max) FuzzRange(double interval, int elapsedDays, int maximumInterval)
    {
        var delta = 1.0 + (0.15 * Math.Max(Math.Min(interval, 7) - 2.5, 0)) + (0.1 * Math.Max(Math.Min(interval, 20) - 7, 0)) + (0.05 * Math.Max(interval - 20, 0));
        interval = Math.Min(interval, maximumInterval);
        var min = (int)Math.Max(2, FsrsModel.JsRound(interval - delta));
        var max = (int)Math.Min(FsrsModel.JsRound(interval + delta), maximumInterval);
        if (interval > elapsedDays)
        {
            min = Math.Max(min, elapsedDays + 1);
        }

        return (Math.Min(min, max), max);
    }

    private static int Minutes(string step) => FsrsOptions.TryParseStep(step, out var m) ? m : throw new ArgumentException($"invalid step '{step}'");

    /// <summary>A uniform draw in [0, 1) from SplitMix64, fixed by the seed and the review count.</summary>
    private sealed class Fuzz(ulong seed, int reps)
    {
        private ulong _state = seed ^ ((ulong)reps * 0x9E3779B97F4A7C15UL);

        public double Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
