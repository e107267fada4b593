using MlPrep.Core.Content;

namespace MlPrep.Web.Features.Shared;

/// <summary>Words shown to people for the content vocabulary (the slugs stay in URLs and JSON).</summary>
public static class Display
{
    public static string Name(Track track) => track.DisplayName();

    public static string Name(Level level) => level switch
    {
        Level.Beginner => "Beginner",
        Level.Intermediate => "Intermediate",
        Level.Advanced => "Advanced",
        _ => "Expert",
    };

    public static string Name(Kind kind) => kind switch
    {
        Kind.What => "What",
        Kind.WhyHow => "Why / how",
        _ => "What if",
    };

    public static string Name(Round round) => round switch
    {
        Round.RecruiterScreen => "Recruiter screen",
        Round.Coding => "Coding",
        Round.MlCoding => "ML coding",
        Round.MlSystemDesign => "ML system design",
        Round.MlDepth => "ML depth",
        _ => "Behavioral",
    };

    public static string Name(QuestionFormat format) => format switch
    {
        QuestionFormat.Concept => "Concept",
        QuestionFormat.Design => "System design",
        QuestionFormat.Coding => "Coding",
        _ => "Behavioral",
    };

    /// <summary>A section's heading, e.g. "common-mistakes" → "Common mistakes".</summary>
    public static string SectionTitle(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].Replace('-', ' ');

    /// <summary>"1 question" / "16 questions".</summary>
    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n:N0} {noun}s";
}
