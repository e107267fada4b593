using MlPrep.Core.Content;

namespace MlPrep.Core.Interviews;

/// <summary>The kinds of mock interview, as real loops run them.</summary>
public enum MockRound
{
    QuickDrill,
    MlDepth,
    MlSystemDesign,
    Behavioral,
    RecruiterScreen,
    FullLoop,
}

/// <summary>What each round is, for choosing one.</summary>
public static class MockRounds
{
    public static string Slug(this MockRound round) => round switch
    {
        MockRound.QuickDrill => "quick-drill",
        MockRound.MlDepth => "ml-depth",
        MockRound.MlSystemDesign => "ml-system-design",
        MockRound.Behavioral => "behavioral",
        MockRound.RecruiterScreen => "recruiter-screen",
        _ => "full-loop",
    };

    public static bool TryParse(string? slug, out MockRound round)
    {
        foreach (var r in Enum.GetValues<MockRound>())
        {
            if (string.Equals(r.Slug(), slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                round = r;
                return true;
            }
        }

        round = default;
        return false;
    }

    public static string DisplayName(this MockRound round) => round switch
    {
        MockRound.QuickDrill => "Quick drill",
        MockRound.MlDepth => "ML depth",
        MockRound.MlSystemDesign => "ML system design",
        MockRound.Behavioral => "Behavioral",
        MockRound.RecruiterScreen => "Recruiter screen",
        _ => "Full loop",
    };

    public static string Description(this MockRound round) => round switch
    {
        MockRound.QuickDrill => "One medium and one hard question, 5 minutes each. The daily habit.",
        MockRound.MlDepth => "Four concept questions climbing across levels, 8 minutes each; a strong answer earns the next follow-up on the ladder, up to 45 minutes.",
        MockRound.MlSystemDesign => "One design question walked stage by stage (clarify, data, features, model, evaluation, serving, monitoring, trade-offs) with a time box per stage.",
        MockRound.Behavioral => "Three behavioral questions, 10 minutes each, answered with STAR.",
        MockRound.RecruiterScreen => "Three screen questions (your pitch, motivation, background), 5 minutes each.",
        _ => "Recruiter screen, ML depth, system design and behavioral in sequence: about two and a half hours.",
    };

    /// <summary>The interview round of the bank that a question for this part of a mock comes from.</summary>
    internal static Round BankRound(this MockRound round) => round switch
    {
        MockRound.MlSystemDesign => Round.MlSystemDesign,
        MockRound.Behavioral => Round.Behavioral,
        MockRound.RecruiterScreen => Round.RecruiterScreen,
        _ => Round.MlDepth,
    };
}
