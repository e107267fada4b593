using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace MlPrep.Core.Content;

/// <summary>One question file after its own checks: the question when valid, and what other files may refer to.</summary>
internal sealed record ParsedQuestion(
    Question? Question,
    Located<string>? Id,
    IReadOnlyList<Located<string>> FollowUps,
    IReadOnlyList<Located<string>> Prerequisites,
    DiagnosticSink Sink);

/// <summary>Parses and checks one question file on its own; checks across files live in <see cref="LadderCheck"/>.</summary>
internal static partial class QuestionFile
{
    private static readonly string[] KnownFields =
    [
        "id", "title", "track", "format", "level", "difficulty", "kind", "rounds", "topics",
        "prerequisites", "follow_ups", "key_points", "sources", "reviewed", "status", "time_box",
    ];

    public static ParsedQuestion Parse(string relativePath, string text, string contentHash, DateOnly today, List<Diagnostic> diagnostics)
    {
        var sink = new DiagnosticSink(relativePath, diagnostics);
        var document = ContentMarkdown.Parse(text);
        var front = FrontMatter.Read(document, text, sink);
        if (front is null)
        {
            // Keep the id known even when the YAML is broken, so other files' links to it do not pile up errors.
            var match = IdLine().Match(text);
            Located<string>? fallbackId = match.Success ? new Located<string>(match.Groups[1].Value, 1, 1) : null;
            return new ParsedQuestion(null, fallbackId, [], [], sink);
        }

        var id = front.String("id", required: true);
        var title = front.String("title", required: true);
        var track = front.Enum<Track>("track", required: true);
        var format = front.Enum<QuestionFormat>("format", required: true);
        var level = front.Enum<Level>("level", required: true);
        var difficulty = front.Integer("difficulty", required: true, 1, 10);
        var kind = front.Enum<Kind>("kind", required: true);
        var rounds = EnumList<Round>(front, "rounds", sink);
        var topics = front.StringList("topics", required: true, minCount: 1);
        var prerequisites = front.StringList("prerequisites", required: false) ?? [];
        var followUps = front.StringList("follow_ups", required: false) ?? [];
        var keyPoints = KeyPoints.Read(front, sink);
        var sources = front.StringList("sources", required: false) ?? [];
        var reviewed = front.Date("reviewed", required: true);
        var status = front.Enum<QuestionStatus>("status", required: false);
        var timeBox = TimeBox.Read(front, format?.Value, sink);
        front.ReportMissingAndUnknownFields(KnownFields);

        CheckId(id, track, sink);
        CheckPlacement(relativePath, id, track, front.Line, sink);
        CheckReferences(id, prerequisites, "prerequisite", sink);
        CheckReferences(id, followUps, "follow-up", sink);
        CheckTopics(topics, sink);
        if (level is { } l && difficulty is { } d)
        {
            var (min, max) = l.Value.UsualDifficulty();
            if (d.Value < min || d.Value > max)
            {
                sink.Warning(d.Line, d.Column, $"difficulty {d.Value} is unusual for level {Slug.Of(l.Value)} (usually {min}-{max})");
            }
        }

        if (reviewed is { } r && r.Value > today)
        {
            sink.Warning(r.Line, r.Column, $"reviewed date {r.Value:yyyy-MM-dd} is in the future");
        }

        var isDraft = status?.Value == QuestionStatus.Draft;
        var sections = format is { } f ? Sections.Read(document, text, f.Value, isDraft, sink) : null;
        foreach (var (url, line, column) in ContentMarkdown.UnsafeLinks(document))
        {
            sink.Error(line + 1, column + 1, $"link '{url}' uses a scheme that is not allowed; use http, https, mailto or a relative path");
        }

        if (sink.HasErrors || id is null || title is null || track is null || format is null || level is null
            || difficulty is null || kind is null || rounds is null || topics is null || keyPoints is null
            || reviewed is null || sections is null)
        {
            return new ParsedQuestion(null, id, followUps, prerequisites, sink);
        }

        var question = new Question
        {
            Id = id.Value.Value,
            Title = title.Value.Value,
            Track = track.Value.Value,
            Format = format.Value.Value,
            Level = level.Value.Value,
            Difficulty = difficulty.Value.Value,
            Kind = kind.Value.Value,
            Rounds = rounds.Value,
            Topics = [.. topics.Select(t => t.Value)],
            Prerequisites = [.. prerequisites.Select(p => p.Value)],
            FollowUps = [.. followUps.Select(f => f.Value)],
            KeyPoints = keyPoints.Value,
            Sources = [.. sources.Select(s => s.Value)],
            Reviewed = reviewed.Value.Value,
            Status = status?.Value ?? QuestionStatus.Published,
            TimeBox = timeBox,
            Sections = sections.Value,
            SourcePath = relativePath,
            ContentHash = contentHash,
        };
        return new ParsedQuestion(question, id, followUps, prerequisites, sink);
    }

    private static ImmutableArray<TEnum>? EnumList<TEnum>(FrontMatter front, string name, DiagnosticSink sink) where TEnum : struct, Enum
    {
        if (front.StringList(name, required: true, minCount: 1) is not { } items)
        {
            return null;
        }

        var values = new List<TEnum>();
        foreach (var item in items)
        {
            if (!Slug.TryParse<TEnum>(item.Value, out var value))
            {
                sink.Error(item.Line, item.Column, $"unknown {name[..^1]} '{item.Value}'; valid values: {Slug.List<TEnum>()}");
            }
            else if (values.Contains(value))
            {
                sink.Error(item.Line, item.Column, $"'{item.Value}' is listed twice in '{name}'");
            }
            else
            {
                values.Add(value);
            }
        }

        return values.Count == items.Count ? [.. values] : null;
    }

    private static void CheckId(Located<string>? id, Located<Track>? track, DiagnosticSink sink)
    {
        if (id is not { } located)
        {
            return;
        }

        if (!QuestionId.TryParse(located.Value, out var parsed))
        {
            sink.Error(located.Line, located.Column, $"id '{located.Value}' is malformed; write PREFIX-NNN, e.g. ML-042");
        }
        else if (track is { } t && parsed.Prefix != t.Value.Prefix())
        {
            sink.Error(located.Line, located.Column, $"id '{located.Value}' has the wrong prefix for track {Slug.Of(t.Value)}; its ids start with '{t.Value.Prefix()}-'");
        }
    }

    private static void CheckPlacement(string relativePath, Located<string>? id, Located<Track>? track, int frontLine, DiagnosticSink sink)
    {
        var parts = relativePath.Split('/');
        if (parts.Length != 3)
        {
            sink.Error(frontLine, 1, "question files must be directly inside questions/<track>/");
            return;
        }

        if (track is { } t && parts[1] != Slug.Of(t.Value))
        {
            sink.Error(t.Line, t.Column, $"file is in folder '{parts[1]}' but its track is '{Slug.Of(t.Value)}'; move it to questions/{Slug.Of(t.Value)}/");
        }

        var fileName = parts[2];
        if (id is { } i && !fileName.StartsWith(i.Value + "-", StringComparison.Ordinal) && fileName != i.Value + ".md")
        {
            sink.Warning(i.Line, i.Column, $"file name '{fileName}' does not start with the id; name it {i.Value}-<slug>.md");
        }
    }

    private static void CheckReferences(Located<string>? id, List<Located<string>> references, string what, DiagnosticSink sink)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in references)
        {
            if (!QuestionId.TryParse(reference.Value, out _))
            {
                sink.Error(reference.Line, reference.Column, $"{what} '{reference.Value}' is not a question id (PREFIX-NNN)");
            }
            else if (id is { } self && string.Equals(reference.Value, self.Value, StringComparison.OrdinalIgnoreCase))
            {
                sink.Error(reference.Line, reference.Column, $"a question cannot be its own {what}");
            }
            else if (!seen.Add(reference.Value))
            {
                sink.Error(reference.Line, reference.Column, $"{what} '{reference.Value}' is listed twice");
            }
        }
    }

    private static void CheckTopics(List<Located<string>>? topics, DiagnosticSink sink)
    {
        foreach (var topic in topics ?? [])
        {
            if (!KebabCase().IsMatch(topic.Value))
            {
                sink.Warning(topic.Line, topic.Column, $"topic '{topic.Value}' should be lower-case kebab-case, e.g. 'bias-variance'");
            }
        }
    }

    [GeneratedRegex(@"^id:\s*[""']?([A-Za-z]+-\d+)", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
