namespace MlPrep.Core.Content;

/// <summary>The sections each question format must have, in order.</summary>
public static class SectionLayout
{
    private static readonly string[] ConceptSections = ["Answer", "Explanation", "Example", "Common mistakes", "In production"];
    private static readonly string[] DesignSections = ["Clarify", "Data", "Features", "Model", "Evaluation", "Serving", "Monitoring", "Trade-offs"];
    private static readonly string[] BehavioralSections = ["What they assess", "STAR outline", "Example answer", "Pitfalls"];
    private static readonly string[] CodingSections = ["Problem", "Approach", "Solution", "Complexity", "Tests"];

    /// <summary>The section names for a format, in the order they must appear.</summary>
    public static IReadOnlyList<string> For(QuestionFormat format) => format switch
    {
        QuestionFormat.Concept => ConceptSections,
        QuestionFormat.Design => DesignSections,
        QuestionFormat.Behavioral => BehavioralSections,
        QuestionFormat.Coding => CodingSections,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The key a design stage has in <c>time_box</c>: the section name in kebab-case ("Trade-offs" → "trade-offs").</summary>
    public static string StageKey(string sectionName) => sectionName.ToLowerInvariant().Replace(' ', '-');
}
