namespace MlPrep.Core.Content;

/// <summary>Counts over a bank: totals and breakdowns by every vocabulary.</summary>
/// <remarks>Breakdowns list every possible value, zeros included, so a consumer can rely on the keys
/// being present (a track with no questions yet shows 0 rather than disappearing).</remarks>
public sealed record BankStatistics
{
    public required int Questions { get; init; }
    public required int Complete { get; init; }
    public required int Drafts { get; init; }
    public required int WithFollowUps { get; init; }
    public required int KeyPoints { get; init; }
    public required int Guides { get; init; }
    public required int ThesaurusGroups { get; init; }
    public required IReadOnlyDictionary<string, int> ByTrack { get; init; }
    public required IReadOnlyDictionary<string, int> ByLevel { get; init; }
    public required IReadOnlyDictionary<string, int> ByKind { get; init; }
    public required IReadOnlyDictionary<string, int> ByRound { get; init; }
    public required IReadOnlyDictionary<string, int> ByFormat { get; init; }
    public required IReadOnlyDictionary<string, int> ByDifficulty { get; init; }

    /// <summary>Computes the statistics of a bank.</summary>
    public static BankStatistics From(ContentBank bank)
    {
        var questions = bank.Questions;
        return new BankStatistics
        {
            Questions = questions.Length,
            Complete = questions.Count(q => q.IsComplete),
            Drafts = questions.Count(q => q.Status == QuestionStatus.Draft),
            WithFollowUps = questions.Count(q => !q.FollowUps.IsEmpty),
            KeyPoints = questions.Sum(q => q.KeyPoints.Length),
            Guides = bank.Guides.Length,
            ThesaurusGroups = bank.Thesaurus.Groups.Length,
            ByTrack = Count<Track>(t => questions.Count(q => q.Track == t)),
            ByLevel = Count<Level>(l => questions.Count(q => q.Level == l)),
            ByKind = Count<Kind>(k => questions.Count(q => q.Kind == k)),
            ByRound = Count<Round>(r => questions.Count(q => q.Rounds.Contains(r))),
            ByFormat = Count<QuestionFormat>(f => questions.Count(q => q.Format == f)),
            ByDifficulty = Enumerable.Range(1, 10).ToDictionary(
                d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d => questions.Count(q => q.Difficulty == d)),
        };
    }

    private static Dictionary<string, int> Count<TEnum>(Func<TEnum, int> count) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(Slug.Of, count);
}
