using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MlPrep.Core.Content;

/// <summary>Creates the file for a new question: the next free id and a valid draft to fill in.</summary>
/// <remarks>The id scan reads raw text, not the loaded bank, so an id held by a file that currently fails
/// validation is never handed out twice.</remarks>
public static partial class QuestionScaffold
{
    /// <summary>The next unused id of a track: one above the highest number any question file uses.</summary>
    public static string NextId(string contentRoot, Track track)
    {
        var prefix = track.Prefix();
        var highest = 0;
        var folder = Path.Combine(contentRoot, "questions");
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories))
            {
                var candidates = IdLike().Matches(Path.GetFileName(file)).Concat(IdField().Matches(File.ReadAllText(file)));
                foreach (var match in candidates)
                {
                    if (QuestionId.TryParse(match.Groups["id"].Value, out var id) && id.Prefix == prefix)
                    {
                        highest = Math.Max(highest, id.Number);
                    }
                }
            }
        }

        return new QuestionId(prefix, highest + 1).ToString();
    }

    /// <summary>The path of the new file relative to the content root, e.g. <c>questions/data/DATA-005-new-question.md</c>.</summary>
    public static string RelativePath(string id, Track track, string? title) =>
        $"questions/{Slug.Of(track)}/{id}-{FileSlug(title)}.md";

    /// <summary>The text of a valid draft question with placeholder sections.</summary>
    public static string Render(string id, Track track, QuestionFormat format, string? title, DateOnly today)
    {
        var round = format switch
        {
            QuestionFormat.Design => Round.MlSystemDesign,
            QuestionFormat.Behavioral => Round.Behavioral,
            QuestionFormat.Coding => track == Track.Sql ? Round.Coding : Round.MlCoding,
            _ => Round.MlDepth,
        };
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            id: {id}
            title: {Quote(title ?? "TODO: the question, as an interviewer asks it")}
            track: {Slug.Of(track)}
            format: {Slug.Of(format)}
            status: draft
            level: intermediate
            difficulty: 5
            kind: why-how
            rounds: [{Slug.Of(round)}]
            topics: [{Slug.Of(track)}]
            prerequisites: []
            follow_ups: []
            key_points:
              - point: "TODO: a statement the interviewer listens for"
                terms: [todo]
              - point: "TODO: a second checkable statement"
                terms: [todo]
              - point: "TODO: a third checkable statement"
                terms: [todo]
            sources: []
            reviewed: {today:yyyy-MM-dd}

            """);
        if (format == QuestionFormat.Design)
        {
            text.Append("time_box: {clarify: 5, data: 5, features: 5, model: 10, evaluation: 6, serving: 6, monitoring: 4, trade-offs: 4}\n");
        }

        text.Append("---\n");
        foreach (var section in SectionLayout.For(format))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {section}\n\nTODO: {Hint(section)}\n");
            if (section == "Solution")
            {
                var language = track == Track.Sql ? "sql" : "python";
                var comment = track == Track.Sql ? "--" : "#";
                text.Append(CultureInfo.InvariantCulture, $"\n```{language}\n{comment} TODO: reference solution\n```\n");
            }
        }

        return text.ToString();
    }

    private static string Hint(string section) => section switch
    {
        "Answer" => "the short answer, two to four sentences.",
        "Explanation" => "the mechanism, the why, the trade-offs.",
        "Example" => "one concrete case, with numbers where they help.",
        "Common mistakes" => "what candidates get wrong, and why it is wrong.",
        "In production" => "what changes with real data, scale and users.",
        "Problem" => "the statement, inputs and outputs, constraints.",
        "Approach" => "the idea before the code.",
        "Solution" => "a correct reference solution.",
        "Complexity" => "time and space, with the reasoning.",
        "Tests" => "inputs with exact expected outputs.",
        _ => $"what a strong candidate says about {section.ToLowerInvariant()}.",
    };

    private static string Quote(string text) => $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private static string FileSlug(string? title)
    {
        var words = NonWord().Split((title ?? "").ToLowerInvariant()).Where(w => w.Length > 0).Take(6);
        var slug = string.Join('-', words);
        return slug.Length == 0 ? "new-question" : slug;
    }

    [GeneratedRegex(@"^(?<id>[A-Z]+-\d{3,6})")]
    private static partial Regex IdLike();

    [GeneratedRegex(@"^id:\s*[""']?(?<id>[A-Z]+-\d{3,6})", RegexOptions.Multiline)]
    private static partial Regex IdField();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
