namespace MlPrep.Core.Search;

/// <summary>One ranked search result: tier 0 when it matches every term, higher score first within a tier.</summary>
public sealed record RankedDoc(string QuestionId, int Tier, double Score);

/// <summary>The best matches of a search, found without scoring every match, so approximate.</summary>
/// <param name="Docs">Candidates in rank order: tier, then score, then id.</param>
/// <param name="Total">An estimate of how many questions match.</param>
public sealed record TopRanking(IReadOnlyList<RankedDoc> Docs, int Total);

/// <summary>How the best-match lists of a large bank are built and used (see <c>Fts5TopPostings</c>).</summary>
/// <param name="ExhaustiveLimit">Words in more questions than this get a list (thesaurus phrases always have one); a rarer word or a phrase outside the thesaurus is scored directly, match by match.</param>
/// <param name="Depth">How many best matches a list keeps. Lists are used only when some phrase of a search is in more questions than this, so a bank no larger than it is always ranked exactly.</param>
/// <param name="RebuildAfter">The lists are rebuilt once this many questions changed since they were built; until then changed questions are scored on every search.</param>
public sealed record SearchTuning(int ExhaustiveLimit = 500, int Depth = 1000, int RebuildAfter = 250)
{
    public static SearchTuning Default { get; } = new();
}
