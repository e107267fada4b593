using System.CommandLine;
using MlPrep.Cli.Shared;
using MlPrep.Core.Content;
using Spectre.Console;

namespace MlPrep.Cli.Questions;

/// <summary><c>mlprep show ID</c>: one question with its whole answer, rendered for a terminal.</summary>
internal static class ShowCommand
{
    public static Command Create(CliEnvironment env)
    {
        var id = new Argument<string>("id") { Description = "The question id, e.g. ML-002" };
        var json = new Option<bool>("--json") { Description = "Print JSON (see docs/cli-json.md)" };
        var command = new Command("show", "Show one question with its model answer") { id, json };
        command.SetAction(parse => Run(parse, env, parse.GetValue(id)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(ParseResult parse, CliEnvironment env, string id, bool asJson)
    {
        if (ContentSource.Load(parse, env) is not { } bank)
        {
            return 1;
        }

        if (bank.Find(id) is not { } question)
        {
            var near = bank.Questions.Where(q => q.Id.StartsWith(id.Split('-')[0], StringComparison.OrdinalIgnoreCase)).Take(5).Select(q => q.Id).ToList();
            env.Error.WriteLine($"error: no question '{id}' in the bank." + (near.Count > 0 ? $" Ids nearby: {string.Join(", ", near)}." : " 'mlprep list' shows every id."));
            return 1;
        }

        if (asJson)
        {
            CliJson.Write(env.Out, QuestionDetailDto.From(question));
            return 0;
        }

        Render(env.CreateConsole(), bank, question);
        return 0;
    }

    private static void Render(IAnsiConsole console, ContentBank bank, Question q)
    {
        var facts = $"[bold]{q.Id}[/] · {Markup.Escape(q.Track.DisplayName())} · {Slug.Of(q.Level)} · difficulty {q.Difficulty}/10 · {Slug.Of(q.Kind)}"
            + $"\n[grey]rounds:[/] {string.Join(", ", q.Rounds.Select(Slug.Of))}   [grey]topics:[/] {Markup.Escape(string.Join(", ", q.Topics))}"
            + (q.IsComplete ? "" : "\n[yellow]draft: not finished yet[/]");
        console.Write(new Panel(new Markup(facts)) { Header = new PanelHeader($"[bold]{Markup.Escape(q.Title)}[/]"), Border = BoxBorder.Rounded, Expand = true });
        AnswerConsole.WriteSections(console, q, q.Sections);

        console.Write(new Rule("[bold]Key points an interviewer listens for[/]").LeftJustified());
        foreach (var point in q.KeyPoints)
        {
            console.MarkupLine($" [green]•[/] {Markup.Escape(point.Point)} [grey]({Markup.Escape(string.Join(", ", point.Terms))})[/]");
        }

        WriteLadder(console, "Before this", bank.PrerequisitesOf(q));
        WriteLadder(console, "Follow-ups", bank.FollowUpsOf(q));
        if (!q.Sources.IsEmpty)
        {
            console.Write(new Rule("[bold]Sources[/]").LeftJustified());
            foreach (var source in q.Sources)
            {
                console.MarkupLine($" - {Markup.Escape(source)}");
            }
        }

        console.MarkupLine($"[grey]Reviewed {q.Reviewed:yyyy-MM-dd} · {Markup.Escape(q.SourcePath)}[/]");
    }

    private static void WriteLadder(IAnsiConsole console, string heading, IEnumerable<Question> questions)
    {
        var list = questions.ToList();
        if (list.Count == 0)
        {
            return;
        }

        console.Write(new Rule($"[bold]{heading}[/]").LeftJustified());
        foreach (var q in list)
        {
            console.MarkupLine($" [bold]{q.Id}[/] {Markup.Escape(q.Title)} [grey]({Slug.Of(q.Level)}, {q.Difficulty}/10)[/]");
        }
    }
}
