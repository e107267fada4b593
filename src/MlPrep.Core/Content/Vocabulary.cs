namespace MlPrep.Core.Content;

/// <summary>The area of the bank a question belongs to; each track is one folder under <c>content/questions</c>.</summary>
public enum Track
{
    MlFundamentals,
    Data,
    Evaluation,
    ProblemFraming,
    DeepLearning,
    NlpLlm,
    ComputerVision,
    MlSystemDesign,
    Mlops,
    MathStats,
    MlCoding,
    Sql,
    Behavioral,
}

/// <summary>Decides which sections a question file must have.</summary>
public enum QuestionFormat
{
    Concept,
    Design,
    Behavioral,
    Coding,
}

/// <summary>The seniority at which a question is typically asked.</summary>
public enum Level
{
    Beginner,
    Intermediate,
    Advanced,
    Expert,
}

/// <summary>The three question tiers interviewers use.</summary>
/// <remarks><c>what</c> checks a definition, <c>why-how</c> probes a mechanism or trade-off,
/// <c>what-if</c> sets a scenario or design under constraints.</remarks>
public enum Kind
{
    What,
    WhyHow,
    WhatIf,
}

/// <summary>An interview round in which a question comes up.</summary>
public enum Round
{
    RecruiterScreen,
    Coding,
    MlCoding,
    MlSystemDesign,
    MlDepth,
    Behavioral,
}

/// <summary>Whether a question is finished.</summary>
/// <remarks>Drafts validate like published questions but may hold TODO placeholders, so
/// <c>mlprep new</c> can scaffold a valid file that is not yet counted as complete.</remarks>
public enum QuestionStatus
{
    Published,
    Draft,
}

/// <summary>Facts about each track that the content format fixes: its id prefix and display name.</summary>
public static class Tracks
{
    /// <summary>The id prefix of a track, e.g. <c>ML</c> for ml-fundamentals.</summary>
    public static string Prefix(this Track track) => track switch
    {
        Track.MlFundamentals => "ML",
        Track.Data => "DATA",
        Track.Evaluation => "EVAL",
        Track.ProblemFraming => "PF",
        Track.DeepLearning => "DL",
        Track.NlpLlm => "NLP",
        Track.ComputerVision => "CV",
        Track.MlSystemDesign => "MLSD",
        Track.Mlops => "OPS",
        Track.MathStats => "MATH",
        Track.MlCoding => "CODE",
        Track.Sql => "SQL",
        Track.Behavioral => "BEH",
        _ => throw new ArgumentOutOfRangeException(nameof(track)),
    };

    /// <summary>The name shown to people, e.g. "Data &amp; feature engineering".</summary>
    public static string DisplayName(this Track track) => track switch
    {
        Track.MlFundamentals => "ML fundamentals",
        Track.Data => "Data & feature engineering",
        Track.Evaluation => "Evaluation & experimentation",
        Track.ProblemFraming => "Problem framing",
        Track.DeepLearning => "Deep learning",
        Track.NlpLlm => "NLP & LLMs",
        Track.ComputerVision => "Computer vision",
        Track.MlSystemDesign => "ML system design",
        Track.Mlops => "MLOps",
        Track.MathStats => "Math & statistics",
        Track.MlCoding => "ML coding",
        Track.Sql => "SQL",
        Track.Behavioral => "Behavioral",
        _ => throw new ArgumentOutOfRangeException(nameof(track)),
    };

    /// <summary>The format a new question in this track gets unless another is asked for.</summary>
    public static QuestionFormat DefaultFormat(this Track track) => track switch
    {
        Track.MlSystemDesign => QuestionFormat.Design,
        Track.Behavioral => QuestionFormat.Behavioral,
        Track.MlCoding or Track.Sql => QuestionFormat.Coding,
        _ => QuestionFormat.Concept,
    };

    /// <summary>The difficulty range that is usual for a level; outside it the checker warns.</summary>
    public static (int Min, int Max) UsualDifficulty(this Level level) => level switch
    {
        Level.Beginner => (1, 4),
        Level.Intermediate => (3, 6),
        Level.Advanced => (5, 8),
        Level.Expert => (7, 10),
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
