using System.Collections.Immutable;

namespace MlPrep.Core.Content;

/// <summary>The stable JSON shape of a question in lists (documented in docs/cli-json.md).</summary>
/// <remarks>Hand-mapped from <see cref="Question"/> right here so the wire contract cannot drift by
/// accident when the model changes; vocabulary values are written as their kebab-case slugs.</remarks>
public sealed record QuestionSummaryDto(
    string Id,
    string Title,
    string Track,
    string Format,
    string Level,
    int Difficulty,
    string Kind,
    IReadOnlyList<string> Rounds,
    IReadOnlyList<string> Topics,
    string Status,
    string Path)
{
    public static QuestionSummaryDto From(Question q) => new(
        q.Id, q.Title, Slug.Of(q.Track), Slug.Of(q.Format), Slug.Of(q.Level), q.Difficulty, Slug.Of(q.Kind),
        [.. q.Rounds.Select(Slug.Of)], q.Topics, Slug.Of(q.Status), q.SourcePath);
}

/// <summary>The stable JSON shape of one whole question (documented in docs/cli-json.md).</summary>
public sealed record QuestionDetailDto(
    string Id,
    string Title,
    string Track,
    string Format,
    string Level,
    int Difficulty,
    string Kind,
    IReadOnlyList<string> Rounds,
    IReadOnlyList<string> Topics,
    string Status,
    IReadOnlyList<string> Prerequisites,
    IReadOnlyList<string> FollowUps,
    IReadOnlyList<KeyPointDto> KeyPoints,
    IReadOnlyList<string> Sources,
    string Reviewed,
    IReadOnlyDictionary<string, int> TimeBox,
    IReadOnlyList<SectionDto> Sections,
    string Path,
    string ContentHash)
{
    public static QuestionDetailDto From(Question q) => new(
        q.Id, q.Title, Slug.Of(q.Track), Slug.Of(q.Format), Slug.Of(q.Level), q.Difficulty, Slug.Of(q.Kind),
        [.. q.Rounds.Select(Slug.Of)], q.Topics, Slug.Of(q.Status), q.Prerequisites, q.FollowUps,
        [.. q.KeyPoints.Select(k => new KeyPointDto(k.Point, k.Terms))], q.Sources,
        q.Reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        q.TimeBox.ToImmutableSortedDictionary(StringComparer.Ordinal),
        [.. q.Sections.Select(s => new SectionDto(s.Name, s.Markdown, s.Html))], q.SourcePath, q.ContentHash);
}

/// <summary>A key point in JSON.</summary>
public sealed record KeyPointDto(string Point, IReadOnlyList<string> Terms);

/// <summary>A section in JSON: its Markdown source and rendered HTML.</summary>
public sealed record SectionDto(string Name, string Markdown, string Html);

/// <summary>A content problem in JSON.</summary>
public sealed record DiagnosticDto(string Severity, string Path, int Line, int Column, string Message)
{
    public static DiagnosticDto From(Diagnostic d) =>
        new(d.Severity == Content.Severity.Error ? "error" : "warning", d.Path, d.Line, d.Column, d.Message);
}
