using MlPrep.Core.Content;

namespace MlPrep.Core.Interviews;

/// <summary>One planned slot of a mock interview.</summary>
public sealed record PlannedAnswer(string QuestionId, string Section, int Minutes);

/// <summary>Chooses the questions of a new mock interview from the bank.</summary>
/// <remarks>Choices are random but avoid questions the user met in recent mock interviews, prefer questions
/// with follow-ups in the ML depth round (so a strong answer can climb the ladder), and respect the track
/// and level filters where the round has such questions; otherwise the round falls back to the whole bank
/// rather than failing.</remarks>
public sealed class MockPlanner(ContentBank bank, Random random)
{
    public const int DepthMinutes = 45;

    public List<PlannedAnswer> Plan(MockRound round, Track? track, Level? level, IReadOnlySet<string> recent) => round switch
    {
        MockRound.QuickDrill => QuickDrill(track, level, recent),
        MockRound.MlDepth => Depth(track, level, recent),
        MockRound.MlSystemDesign => Design(track, recent),
        MockRound.Behavioral => Pick(Behavioral(), 3, recent).Select(q => new PlannedAnswer(q.Id, MockRound.Behavioral.Slug(), 10)).ToList(),
        MockRound.RecruiterScreen => Pick(Screen(), 3, recent).Select(q => new PlannedAnswer(q.Id, MockRound.RecruiterScreen.Slug(), 5)).ToList(),
        _ =>
        [
            .. Pick(Screen(), 1, recent).Select(q => new PlannedAnswer(q.Id, MockRound.RecruiterScreen.Slug(), 5)),
            .. Depth(track, level, recent),
            .. Design(track, recent),
            .. Pick(Behavioral(), 2, recent).Select(q => new PlannedAnswer(q.Id, MockRound.Behavioral.Slug(), 10)),
        ],
    };

    /// <summary>The follow-up an interviewer asks after a strong answer, if the ladder has one not yet asked.</summary>
    public Question? FollowUp(Question answered, IReadOnlySet<string> asked) =>
        bank.FollowUpsOf(answered).FirstOrDefault(f => f.IsComplete && f.Format == QuestionFormat.Concept && !asked.Contains(f.Id));

    private List<PlannedAnswer> QuickDrill(Track? track, Level? level, IReadOnlySet<string> recent)
    {
        var pool = Concepts(track, level).ToList();
        var medium = Pick(Prefer(pool, q => q.Difficulty is >= 4 and <= 6, Concepts(null, null)), 1, recent);
        var hard = Pick(Prefer(pool, q => q.Difficulty >= 7, Concepts(null, null)).Where(q => !medium.Contains(q)), 1, recent);
        return [.. medium.Concat(hard).Select(q => new PlannedAnswer(q.Id, MockRound.QuickDrill.Slug(), 5))];
    }

    private List<PlannedAnswer> Depth(Track? track, Level? level, IReadOnlySet<string> recent)
    {
        var target = level ?? Level.Advanced;
        // Four questions climbing from one level below the target to one above (32 minutes); strong answers add follow-ups up to 45.
        var levels = new[] { target == Level.Beginner ? Level.Beginner : target - 1, target, target, target == Level.Expert ? Level.Expert : target + 1 };
        var chosen = new List<Question>();
        foreach (var l in levels)
        {
            var pool = Concepts(track, l).Where(q => !chosen.Contains(q)).ToList();
            var withLadder = pool.Where(q => bank.FollowUpsOf(q).Any()).ToList();
            chosen.AddRange(Pick(withLadder.Count > 0 ? withLadder : pool.Count > 0 ? pool : Concepts(null, l).Where(q => !chosen.Contains(q)).ToList(), 1, recent));
        }

        return [.. chosen.Select(q => new PlannedAnswer(q.Id, MockRound.MlDepth.Slug(), 8))];
    }

    private List<PlannedAnswer> Design(Track? track, IReadOnlySet<string> recent)
    {
        var designs = bank.Questions.Where(q => q.IsComplete && q.Format == QuestionFormat.Design).ToList();
        var inTrack = designs.Where(q => track is null || q.Track == track).ToList();
        var design = Pick(inTrack.Count > 0 ? inTrack : designs, 1, recent).FirstOrDefault();
        if (design is null)
        {
            return [];
        }

        var fallback = Math.Max(3, DepthMinutes / design.Sections.Length);
        return [.. design.Sections.Select(s => new PlannedAnswer(design.Id, s.Name, design.TimeBox.TryGetValue(SectionLayout.StageKey(s.Name), out var m) ? m : fallback))];
    }

    private IEnumerable<Question> Concepts(Track? track, Level? level) =>
        bank.Questions.Where(q => q.IsComplete && q.Format == QuestionFormat.Concept && q.Rounds.Contains(Round.MlDepth)
            && (track is null || q.Track == track) && (level is null || q.Level == level));

    private IEnumerable<Question> Behavioral() => bank.Questions.Where(q => q.IsComplete && q.Format == QuestionFormat.Behavioral);

    private IEnumerable<Question> Screen()
    {
        var screen = bank.Questions.Where(q => q.IsComplete && q.Rounds.Contains(Round.RecruiterScreen)).ToList();
        var talk = screen.Where(q => q.Format == QuestionFormat.Behavioral).ToList();
        return talk.Count >= 3 ? talk : screen;
    }

    private static List<Question> Prefer(List<Question> pool, Func<Question, bool> wanted, IEnumerable<Question> fallback)
    {
        var best = pool.Where(wanted).ToList();
        return best.Count > 0 ? best : pool.Count > 0 ? pool : [.. fallback.Where(wanted)];
    }

    /// <summary>Up to <paramref name="count"/> random questions, those not seen recently first.</summary>
    private List<Question> Pick(IEnumerable<Question> pool, int count, IReadOnlySet<string> recent) =>
        [.. pool.OrderBy(q => recent.Contains(q.Id) ? 1 : 0).ThenBy(_ => random.Next()).Take(count)];
}
