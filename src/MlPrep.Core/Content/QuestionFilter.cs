namespace MlPrep.Core.Content;

/// <summary>A selection of questions by their metadata; every criterion left null matches everything.</summary>
/// <remarks>The CLI's in-memory filter (one value per criterion). The web app and the API filter in the
/// database through <see cref="Search.QuestionQuery"/>, which allows several values per criterion; the two
/// should become one (see the notes on issue 3).</remarks>
public sealed record QuestionFilter
{
    public Track? Track { get; init; }
    public Level? Level { get; init; }
    public Kind? Kind { get; init; }
    public Round? Round { get; init; }
    public QuestionFormat? Format { get; init; }

    /// <summary>A topic tag; matched exactly, ignoring case.</summary>
    public string? Topic { get; init; }

    public int? MinDifficulty { get; init; }
    public int? MaxDifficulty { get; init; }

    /// <summary>True when the question meets every criterion that is set.</summary>
    public bool Matches(Question question) =>
        (Track is null || question.Track == Track)
        && (Level is null || question.Level == Level)
        && (Kind is null || question.Kind == Kind)
        && (Round is null || question.Rounds.Contains(Round.Value))
        && (Format is null || question.Format == Format)
        && (Topic is null || question.Topics.Contains(Topic.Trim(), StringComparer.OrdinalIgnoreCase))
        && (MinDifficulty is null || question.Difficulty >= MinDifficulty)
        && (MaxDifficulty is null || question.Difficulty <= MaxDifficulty);

    /// <summary>The questions of a bank that match, in bank order (track, then id).</summary>
    public IEnumerable<Question> Apply(ContentBank bank) => bank.Questions.Where(Matches);
}
