using System.Collections.Immutable;

namespace MlPrep.Core.Content;

/// <summary>One bank question, loaded from a valid file and never changed afterwards.</summary>
/// <remarks><see cref="Id"/> is the stable key user progress is stored against; everything else may
/// change when the file is edited, which <see cref="ContentHash"/> lets storage detect.</remarks>
public sealed record Question
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Track Track { get; init; }
    public required QuestionFormat Format { get; init; }
    public required Level Level { get; init; }
    public required int Difficulty { get; init; }
    public required Kind Kind { get; init; }
    public required ImmutableArray<Round> Rounds { get; init; }
    public required ImmutableArray<string> Topics { get; init; }
    public required ImmutableArray<string> Prerequisites { get; init; }
    public required ImmutableArray<string> FollowUps { get; init; }
    public required ImmutableArray<KeyPoint> KeyPoints { get; init; }
    public required ImmutableArray<string> Sources { get; init; }
    public required DateOnly Reviewed { get; init; }
    public required QuestionStatus Status { get; init; }

    /// <summary>Suggested minutes per design stage, keyed by stage key; empty for other formats.</summary>
    public required ImmutableDictionary<string, int> TimeBox { get; init; }

    /// <summary>The sections in the order the format prescribes.</summary>
    public required ImmutableArray<Section> Sections { get; init; }

    /// <summary>The file's path relative to the content root, with forward slashes.</summary>
    public required string SourcePath { get; init; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string ContentHash { get; init; }

    /// <summary>True for a published question: every section written, no placeholders.</summary>
    public bool IsComplete => Status == QuestionStatus.Published;

    /// <summary>The section with this name, or null.</summary>
    public Section? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);
}

/// <summary>A statement an interviewer listens for, and phrasings that show it was covered.</summary>
public sealed record KeyPoint(string Point, ImmutableArray<string> Terms);

/// <summary>One named part of a question's answer, as Markdown and as safe HTML.</summary>
public sealed record Section(string Name, string Markdown, string Html);

/// <summary>A long-form guide from <c>content/guides</c>.</summary>
public sealed record Guide(string Slug, string Title, string Summary, int Order, string Markdown, string Html, string SourcePath);
