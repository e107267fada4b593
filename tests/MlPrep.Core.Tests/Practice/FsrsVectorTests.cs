using System.Globalization;
using System.Text.Json;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Practice;

/// <summary>
/// The scheduler reproduces every value of the ts-fsrs 5.4.2 reference vectors (../shared/fsrs/vectors.json,
/// copied to TestData/fsrs-vectors.json): single formulas, pure model sequences and whole card histories.
/// </summary>
public class FsrsVectorTests
{
    private const double Tolerance = 1e-8;
    private static readonly JsonElement Vectors = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "tests", "MlPrep.Core.Tests", "Practice", "TestData", "fsrs-vectors.json"))).RootElement;
    private static readonly FsrsScheduler Default = new();

    private static JsonElement Unit(string name) => Vectors.GetProperty("unit").GetProperty(name);

    [Fact]
    public void DecayFactorAndIntervalModifier_MatchTheVectors()
    {
        Assert.Equal(Unit("decay_and_factor").GetProperty("decay").GetDouble(), Default.Model.Decay);
        Assert.Equal(Unit("decay_and_factor").GetProperty("factor").GetDouble(), Default.Model.Factor);
        foreach (var row in Unit("interval_modifier").EnumerateArray())
        {
            var model = new FsrsModel(new FsrsOptions { DesiredRetention = row.GetProperty("request_retention").GetDouble() });
            Near(row.GetProperty("interval_modifier").GetDouble(), model.IntervalModifier, row);
        }
    }

    [Fact]
    public void InitialStabilityAndDifficulty_MatchTheVectors()
    {
        foreach (var row in Unit("init_stability").EnumerateArray())
        {
            Assert.Equal(row.GetProperty("stability").GetDouble(), Default.Model.InitialStability(Grade(row)));
        }

        foreach (var row in Unit("init_difficulty").EnumerateArray())
        {
            Near(row.GetProperty("difficulty_unclamped").GetDouble(), Default.Model.InitialDifficultyRaw(Grade(row)), row);
            Near(row.GetProperty("difficulty_clamped").GetDouble(), Default.Model.InitialDifficulty(Grade(row)), row);
        }
    }

    [Fact]
    public void ForgettingCurveAndIntervals_MatchTheVectors()
    {
        foreach (var row in Unit("forgetting_curve").EnumerateArray())
        {
            Near(row.GetProperty("r").GetDouble(), Default.Model.Retrievability(row.GetProperty("t").GetDouble(), row.GetProperty("s").GetDouble()), row);
        }

        foreach (var row in Unit("next_interval").EnumerateArray())
        {
            var scheduler = new FsrsScheduler(new FsrsOptions { DesiredRetention = row.GetProperty("request_retention").GetDouble() });
            Assert.True(row.GetProperty("interval_days").GetInt32() == scheduler.NextInterval(row.GetProperty("s").GetDouble(), 0), row.ToString());
        }
    }

    [Fact]
    public void DifficultyAndStabilityUpdates_MatchTheVectors()
    {
        var m = Default.Model;
        foreach (var row in Unit("next_difficulty").EnumerateArray())
        {
            Near(row.GetProperty("next_d").GetDouble(), m.NextDifficulty(D(row), Grade(row)), row);
        }

        foreach (var row in Unit("next_recall_stability").EnumerateArray())
        {
            Near(row.GetProperty("s_new").GetDouble(), m.NextRecallStability(D(row), S(row), R(row), Grade(row)), row);
        }

        foreach (var row in Unit("next_forget_stability").EnumerateArray())
        {
            Near(row.GetProperty("s_forget_raw").GetDouble(), m.NextForgetStabilityRaw(D(row), S(row), R(row)), row);
        }

        foreach (var row in Unit("next_short_term_stability").EnumerateArray())
        {
            Near(row.GetProperty("s_new").GetDouble(), m.NextShortTermStability(S(row), Grade(row)), row);
        }
    }

    [Fact]
    public void FuzzRange_MatchesTheVectors()
    {
        foreach (var row in Unit("fuzz_range").EnumerateArray())
        {
            var (min, max) = FsrsScheduler.FuzzRange(row.GetProperty("interval").GetDouble(), row.GetProperty("elapsed_days").GetInt32(), row.GetProperty("maximum_interval").GetInt32());
            Assert.True((row.GetProperty("min_ivl").GetInt32(), row.GetProperty("max_ivl").GetInt32()) == (min, max), $"{row} gave ({min}, {max})");
        }
    }

    [Fact]
    public void FuzzedIntervals_StayInTheirRange_AndAreRepeatableForASeed()
    {
        var fuzzed = new FsrsScheduler(new FsrsOptions { EnableFuzz = true });
        var seen = new HashSet<int>();
        for (ulong seed = 0; seed < 200; seed++)
        {
            var days = fuzzed.NextInterval(30, 10, seed);
            Assert.InRange(days, 27, 33);
            Assert.Equal(days, fuzzed.NextInterval(30, 10, seed));
            seen.Add(days);
        }

        Assert.True(seen.Count >= 5, "fuzz should spread 30-day intervals over most of 27..33, saw " + string.Join(",", seen));
    }

    public static TheoryData<string> Sequences => Names("memory_state_sequences");

    public static TheoryData<string> Histories => Names("scheduler_histories");

    [Theory]
    [MemberData(nameof(Sequences))]
    public void MemoryStateSequence_MatchesTheVectors(string name)
    {
        var sequence = Named("memory_state_sequences", name);
        var scheduler = new FsrsScheduler(Options(sequence.GetProperty("params")));
        (double Difficulty, double Stability)? memory = null;
        foreach (var step in sequence.GetProperty("steps").EnumerateArray())
        {
            var t = step.GetProperty("delta_t").GetInt32();
            if (memory is { } before && step.GetProperty("retrievability").ValueKind == JsonValueKind.Number)
            {
                Near(step.GetProperty("retrievability").GetDouble(), scheduler.Model.Retrievability(t, before.Stability), step);
            }

            memory = scheduler.Model.NextState(memory, t, Grade(step));
            Near(step.GetProperty("stability").GetDouble(), memory.Value.Stability, step);
            Near(step.GetProperty("difficulty").GetDouble(), memory.Value.Difficulty, step);
            Assert.True(step.GetProperty("next_interval_days").GetInt32() == scheduler.NextInterval(memory.Value.Stability, t), $"{name}: interval at {step}");
        }
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public void SchedulerHistory_MatchesTheVectors(string name)
    {
        var history = Named("scheduler_histories", name);
        var scheduler = new FsrsScheduler(Options(history.GetProperty("params")));
        var card = FsrsCard.New(Instant(history.GetProperty("start")));
        var n = 0;
        foreach (var step in history.GetProperty("steps").EnumerateArray())
        {
            n++;
            var where = $"{name}, step {n}";
            var now = Instant(step.GetProperty("review_time"));
            AssertCard(step.GetProperty("before"), card, now, where + " before");
            Assert.Equal(step.GetProperty("elapsed_days").GetInt32(), FsrsScheduler.ElapsedDays(card, now));
            if (step.GetProperty("retrievability_at_review").ValueKind == JsonValueKind.Number)
            {
                Near(step.GetProperty("retrievability_at_review").GetDouble(), scheduler.Model.Retrievability(FsrsScheduler.ElapsedDays(card, now), card.Stability), step);
            }

            var options = scheduler.Repeat(card, now);
            foreach (var option in step.GetProperty("options").EnumerateObject())
            {
                AssertCard(option.Value, options[Enum.Parse<Rating>(option.Name)], now, $"{where} option {option.Name}");
            }

            card = scheduler.Next(card, now, Grade(step));
            var after = step.GetProperty("after");
            AssertCard(after, card, now, where + " after");
            Assert.True(after.GetProperty("reps").GetInt32() == card.Reps, where + " reps");
            Assert.True(after.GetProperty("lapses").GetInt32() == card.Lapses, where + " lapses");
            Assert.Equal(Instant(after.GetProperty("last_review")), card.LastReview);
            Near(after.GetProperty("retrievability_at_due").GetDouble(), scheduler.Retrievability(card, card.Due), after);
        }
    }

    private static void AssertCard(JsonElement expected, FsrsCard actual, DateTimeOffset now, string where)
    {
        Assert.True(Enum.Parse<CardState>(expected.GetProperty("state").GetString()!) == actual.State, $"{where}: state {actual.State}, expected {expected.GetProperty("state")}");
        Assert.True(Math.Abs(expected.GetProperty("stability").GetDouble() - actual.Stability) <= Tolerance, $"{where}: stability {actual.Stability}, expected {expected.GetProperty("stability")}");
        Assert.True(Math.Abs(expected.GetProperty("difficulty").GetDouble() - actual.Difficulty) <= Tolerance, $"{where}: difficulty {actual.Difficulty}, expected {expected.GetProperty("difficulty")}");
        Assert.True(expected.GetProperty("learning_steps").GetInt32() == actual.LearningSteps, $"{where}: learning step {actual.LearningSteps}");
        if (expected.TryGetProperty("scheduled_days", out var scheduled))
        {
            Assert.True(scheduled.GetInt32() == actual.ScheduledDays, $"{where}: scheduled days {actual.ScheduledDays}, expected {scheduled}");
            Assert.True(Instant(expected.GetProperty("due")) == actual.Due, $"{where}: due {actual.Due:O}, expected {expected.GetProperty("due")}");
            Assert.True(expected.GetProperty("interval_minutes").GetDouble() == (actual.Due - now).TotalMinutes, $"{where}: interval");
        }

        if (expected.TryGetProperty("last_review", out var last) && last.ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(Instant(last), actual.LastReview);
        }
    }

    private static FsrsOptions Options(JsonElement p) => new()
    {
        DesiredRetention = p.GetProperty("request_retention").GetDouble(),
        MaximumInterval = p.GetProperty("maximum_interval").GetInt32(),
        EnableFuzz = p.GetProperty("enable_fuzz").GetBoolean(),
        EnableShortTerm = p.GetProperty("enable_short_term").GetBoolean(),
        LearningSteps = [.. p.GetProperty("learning_steps").EnumerateArray().Select(s => s.GetString()!)],
        RelearningSteps = [.. p.GetProperty("relearning_steps").EnumerateArray().Select(s => s.GetString()!)],
        Weights = [.. p.GetProperty("w").EnumerateArray().Select(w => w.GetDouble())],
    };

    private static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var item in Vectors.GetProperty(section).EnumerateArray())
        {
            data.Add(item.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static JsonElement Named(string section, string name) =>
        Vectors.GetProperty(section).EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    private static DateTimeOffset Instant(JsonElement e) => DateTimeOffset.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    private static Rating Grade(JsonElement row) => (Rating)row.GetProperty("rating").GetInt32();

    private static double D(JsonElement row) => row.GetProperty("d").GetDouble();

    private static double S(JsonElement row) => row.GetProperty("s").GetDouble();

    private static double R(JsonElement row) => row.GetProperty("r").GetDouble();

    private static void Near(double expected, double actual, JsonElement context) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance, $"expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)} for {context}");
}
