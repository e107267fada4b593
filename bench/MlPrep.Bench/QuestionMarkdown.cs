using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MlPrep.Core.Content;

namespace MlPrep.Bench;

/// <summary>Writes a question back as a content file: YAML front matter, then one <c>## </c> section each.</summary>
/// <remarks>Free text is written as a JSON string, which is also a valid YAML double-quoted scalar, so
/// titles with colons, quotes or brackets need no special cases. The file loads back into an equal
/// question (see the <c>generate</c> command, which checks that).</remarks>
public static class QuestionMarkdown
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Question question)
    {
        var text = new StringBuilder(4096);
        text.Append("---\n");
        text.Append("id: ").Append(question.Id).Append('\n');
        text.Append("title: ").Append(Quote(question.Title)).Append('\n');
        text.Append("track: ").Append(Slug.Of(question.Track)).Append('\n');
        text.Append("format: ").Append(Slug.Of(question.Format)).Append('\n');
        text.Append("level: ").Append(Slug.Of(question.Level)).Append('\n');
        text.Append("difficulty: ").Append(question.Difficulty.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("kind: ").Append(Slug.Of(question.Kind)).Append('\n');
        text.Append("rounds: ").Append(Flow(question.Rounds.Select(Slug.Of))).Append('\n');
        text.Append("topics: ").Append(Flow(question.Topics)).Append('\n');
        if (!question.Prerequisites.IsEmpty)
        {
            text.Append("prerequisites: ").Append(Flow(question.Prerequisites)).Append('\n');
        }

        if (!question.FollowUps.IsEmpty)
        {
            text.Append("follow_ups: ").Append(Flow(question.FollowUps)).Append('\n');
        }

        if (!question.TimeBox.IsEmpty)
        {
            var stages = SectionLayout.For(QuestionFormat.Design).Select(SectionLayout.StageKey)
                .Where(question.TimeBox.ContainsKey)
                .Select(stage => $"{stage}: {question.TimeBox[stage].ToString(CultureInfo.InvariantCulture)}");
            text.Append("time_box: {").Append(string.Join(", ", stages)).Append("}\n");
        }

        text.Append("key_points:\n");
        foreach (var point in question.KeyPoints)
        {
            text.Append("  - point: ").Append(Quote(point.Point)).Append('\n');
            text.Append("    terms: [").Append(string.Join(", ", point.Terms.Select(Quote))).Append("]\n");
        }

        if (!question.Sources.IsEmpty)
        {
            text.Append("sources:\n");
            foreach (var source in question.Sources)
            {
                text.Append("  - ").Append(Quote(source)).Append('\n');
            }
        }

        text.Append("reviewed: ").Append(question.Reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        if (question.Status != QuestionStatus.Published)
        {
            text.Append("status: ").Append(Slug.Of(question.Status)).Append('\n');
        }

        text.Append("---\n");
        foreach (var section in question.Sections)
        {
            text.Append("\n## ").Append(section.Name).Append('\n').Append(section.Markdown).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value, Quoting);

    private static string Flow(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}
