using System.CommandLine;
using MlPrep.Cli.Shared;
using MlPrep.Core.Content;
using Spectre.Console;

namespace MlPrep.Cli.Questions;

/// <summary><c>mlprep list</c>: the questions that match a filter, as a table or JSON.</summary>
internal static class ListCommand
{
    public static Command Create(CliEnvironment env)
    {
        var track = VocabularyOption.Create<Track>("--track", "track");
        var level = VocabularyOption.Create<Level>("--level", "level");
        var kind = VocabularyOption.Create<Kind>("--kind", "kind");
        var round = VocabularyOption.Create<Round>("--round", "round");
        var format = VocabularyOption.Create<QuestionFormat>("--format", "format");
        var topic = new Option<string>("--topic") { Description = "Only questions with this topic tag", HelpName = "TOPIC" };
        var min = Difficulty("--min-difficulty", "Only questions at least this difficult (1-10)");
        var max = Difficulty("--max-difficulty", "Only questions at most this difficult (1-10)");
        var json = new Option<bool>("--json") { Description = "Print JSON (see docs/cli-json.md)" };
        var command = new Command("list", "List questions, optionally filtered") { track, level, kind, round, format, topic, min, max, json };
        command.SetAction(parse =>
        {
            var filter = new QuestionFilter
            {
                Track = parse.Value<Track>(track),
                Level = parse.Value<Level>(level),
                Kind = parse.Value<Kind>(kind),
                Round = parse.Value<Round>(round),
                Format = parse.Value<QuestionFormat>(format),
                Topic = parse.GetValue(topic),
                MinDifficulty = parse.GetValue(min),
                MaxDifficulty = parse.GetValue(max),
            };
            if (filter.MinDifficulty > filter.MaxDifficulty)
            {
                env.Error.WriteLine($"error: --min-difficulty ({filter.MinDifficulty}) is greater than --max-difficulty ({filter.MaxDifficulty}).");
                return 1;
            }

            return Run(parse, env, filter, parse.GetValue(json));
        });
        return command;
    }

    private static Option<int?> Difficulty(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(token, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 10)
            {
                return value;
            }

            result.AddError($"{name} must be a whole number from 1 to 10, not '{token}'.");
            return null;
        },
    };

    private static int Run(ParseResult parse, CliEnvironment env, QuestionFilter filter, bool asJson)
    {
        if (ContentSource.Load(parse, env) is not { } bank)
        {
            return 1;
        }

        var questions = filter.Apply(bank).ToList();
        if (asJson)
        {
            CliJson.Write(env.Out, new { Count = questions.Count, Total = bank.Questions.Length, Questions = questions.Select(QuestionSummaryDto.From) });
            return 0;
        }

        var console = env.CreateConsole();
        if (questions.Count == 0)
        {
            console.MarkupLine($"No questions match these filters ({bank.Questions.Length} in the bank). Try fewer filters.");
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Id").AddColumn("Question").AddColumn("Track").AddColumn("Level").AddColumn(new TableColumn("Diff.").RightAligned()).AddColumn("Kind");
        foreach (var q in questions)
        {
            table.AddRow(
                $"[bold]{Markup.Escape(q.Id)}[/]",
                Markup.Escape(q.Title) + (q.IsComplete ? "" : " [yellow](draft)[/]"),
                Slug.Of(q.Track),
                Slug.Of(q.Level),
                $"{q.Difficulty}/10",
                Slug.Of(q.Kind));
        }

        console.Write(table);
        console.MarkupLine($"Showing {questions.Count} of {bank.Questions.Length} questions. [grey]mlprep show ID[/] reads one.");
        return 0;
    }
}
