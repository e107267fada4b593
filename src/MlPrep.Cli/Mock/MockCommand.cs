using System.CommandLine;
using MlPrep.Cli.Shared;
using MlPrep.Core.Content;
using MlPrep.Core.Interviews;
using MlPrep.Core.Practice;
using Spectre.Console;

namespace MlPrep.Cli.Mock;

/// <summary><c>mlprep mock --round R</c>: a mock interview in the terminal, saved like the web app's.</summary>
/// <remarks>The clock runs in the database, as on the web; in an interactive terminal the remaining time is
/// also shown live in the window title, which updates without disturbing what the user types.</remarks>
internal static class MockCommand
{
    public static Command Create(CliEnvironment env)
    {
        var round = new Option<string>("--round") { Description = $"The round: {string.Join(", ", Enum.GetValues<MockRound>().Select(r => r.Slug()))}", HelpName = "ROUND", Required = true };
        round.Validators.Add(r =>
        {
            if (!MockRounds.TryParse(r.GetValueOrDefault<string>(), out _))
            {
                r.AddError($"Unknown round '{r.GetValueOrDefault<string>()}'. Rounds: {string.Join(", ", Enum.GetValues<MockRound>().Select(x => x.Slug()))}.");
            }
        });
        var minutes = new Option<int?>("--minutes") { Description = "Minutes per question (default: the round's)", HelpName = "N" };
        minutes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 180)
            {
                r.AddError("--minutes must be between 1 and 180.");
            }
        });
        var track = VocabularyOption.Create<Track>("--track", "track");
        var level = VocabularyOption.Create<Level>("--level", "level");
        var command = new Command("mock", "Run a timed mock interview: answer, reveal, tick key points, grade; follow-ups for strong answers") { round, minutes, track, level };
        command.SetAction((parse, cancellationToken) =>
        {
            MockRounds.TryParse(parse.GetValue(round), out var r);
            return RunAsync(parse, env, r, parse.GetValue(minutes), parse.Value<Track>(track), parse.Value<Level>(level), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliEnvironment env, MockRound round, int? minutes, Track? track, Level? level, CancellationToken cancellationToken)
    {
        if (ContentSource.Load(parse, env) is not { } bank)
        {
            return 1;
        }

        await using var db = await CliDatabase.OpenAsync(bank, env, cancellationToken);
        if (db is null)
        {
            return 1;
        }

        var mock = new MockService(db, bank, env.Time);
        var console = env.CreateConsole();
        var session = await mock.StartAsync(Users.Local, round, track, level, minutes: minutes, cancellationToken: cancellationToken);
        console.MarkupLine($"[bold]{round.DisplayName()}[/] mock interview #{session.Id}: {session.Answers.Count} {(round == MockRound.MlSystemDesign ? "stages" : "questions")}. Answer out loud or type notes; an empty line means done, [grey]p[/] pauses the clock, [grey]q[/] ends.");
        using var title = env.Color ? new TitleClock(env.Out) : null;
        while ((await mock.GetAsync(Users.Local, session.Id, cancellationToken)) is { IsFinished: false, Current: { } current } live)
        {
            var question = bank.Find(current.QuestionId)!;
            var number = live.Answers.IndexOf(current) + 1;
            console.Write(new Rule($"[grey]{number} of {live.Answers.Count} · {Markup.Escape(current.Section)} · {current.TimeBoxSeconds / 60} min[/]").LeftJustified());
            if (current.FollowUpOf is { } parent)
            {
                console.MarkupLine($"[blue]Follow-up to {parent}:[/]");
            }

            console.MarkupLine($"[bold]{question.Id}[/] {Markup.Escape(question.Title)}" + (question.Format == QuestionFormat.Design ? $"\n[grey]Stage:[/] {Markup.Escape(current.Section)}" : ""));
            title?.Start(current, env.Time);
            var notes = new List<string>();
            while (true)
            {
                var line = env.Input.ReadLine();
                if (line is null || line.Trim() == "q")
                {
                    title?.Stop();
                    await mock.EndAsync(Users.Local, session.Id, cancellationToken);
                    console.MarkupLine("Interview ended early.");
                    return await ReportAsync(mock, bank, env, console, session.Id, cancellationToken);
                }

                if (line.Trim() == "p")
                {
                    await mock.SetClockAsync(Users.Local, session.Id, running: false, cancellationToken);
                    title?.Stop();
                    console.MarkupLine("Clock paused. Press Enter to resume.");
                    env.Input.ReadLine();
                    await mock.SetClockAsync(Users.Local, session.Id, running: true, cancellationToken);
                    title?.Start((await mock.GetAsync(Users.Local, session.Id, cancellationToken))!.Current!, env.Time);
                    continue;
                }

                if (line.Length == 0)
                {
                    break;
                }

                notes.Add(line);
            }

            title?.Stop();
            await mock.DoneAsync(Users.Local, session.Id, string.Join('\n', notes), cancellationToken);
            var done = (await mock.GetAsync(Users.Local, session.Id, cancellationToken))!.Current!;
            var spent = done.SecondsSpent(env.Time.GetUtcNow());
            console.MarkupLine(spent > done.TimeBoxSeconds
                ? $"[red]{Clock(spent)} of {Clock(done.TimeBoxSeconds)}: {Clock(spent - done.TimeBoxSeconds)} over time.[/]"
                : $"{Clock(spent)} of {Clock(done.TimeBoxSeconds)}.");
            AnswerConsole.WriteSections(console, question, question.Format == QuestionFormat.Design ? question.Sections.Where(s => s.Name == done.Section) : question.Sections);
            if (done.KeyPointsTotal > 0)
            {
                AnswerConsole.WriteNumberedKeyPoints(console, question);
            }

            var ticked = done.KeyPointsTotal > 0 ? AnswerConsole.AskKeyPoints(env, console, done.KeyPointsTotal) : [];
            var score = AskScore(env, console);
            if (ticked is null || score is null)
            {
                await mock.EndAsync(Users.Local, session.Id, cancellationToken);
                return await ReportAsync(mock, bank, env, console, session.Id, cancellationToken);
            }

            if (await mock.ScoreAsync(Users.Local, session.Id, score.Value, ticked, cancellationToken) is { } problem)
            {
                console.MarkupLine($"[red]{Markup.Escape(problem)}[/]");
            }
        }

        return await ReportAsync(mock, bank, env, console, session.Id, cancellationToken);
    }

    private static int? AskScore(CliEnvironment env, IAnsiConsole console)
    {
        while (true)
        {
            console.MarkupLine("Grade your answer: 1 missed it · 2 partial · 3 good · 4 strong");
            var answer = env.Input.ReadLine()?.Trim();
            if (answer is null or "q")
            {
                return null;
            }

            if (answer is "1" or "2" or "3" or "4")
            {
                return answer[0] - '0';
            }

            console.MarkupLine("[yellow]Type 1, 2, 3 or 4.[/]");
        }
    }

    private static async Task<int> ReportAsync(MockService mock, ContentBank bank, CliEnvironment env, IAnsiConsole console, long id, CancellationToken cancellationToken)
    {
        var session = (await mock.GetAsync(Users.Local, id, cancellationToken))!;
        var report = MockReport.From(session, bank, env.Time.GetUtcNow());
        console.Write(new Rule("[bold]Report[/]").LeftJustified());
        var table = new Table().AddColumns("Question", "Time", "Grade", "Key points missed");
        foreach (var item in report.Items)
        {
            table.AddRow(Markup.Escape($"{item.Question.Id} {item.Question.Title}"), $"{Clock(item.SecondsSpent)} / {Clock(item.SecondsAllowed)}{(item.Overtime ? " over" : "")}",
                item.Score is { } s ? $"{s}/4" : "-", item.MissedPoints.Count == 0 ? "none" : item.MissedPoints.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (report.Weakest.Count > 0)
        {
            console.MarkupLine($"Weakest topics: {Markup.Escape(string.Join(", ", report.Weakest.Select(t => $"{t.Topic} ({t.AverageScore:0.0}/4)")))}");
        }

        if (report.Missed.Count > 0)
        {
            console.MarkupLine($"Add the {report.Missed.Count} missed question(s) to your review queue? [grey][[y/N]][/]");
            if (env.Input.ReadLine()?.Trim().ToLowerInvariant() is "y" or "yes")
            {
                console.MarkupLine($"{await mock.QueueMissedAsync(Users.Local, id, cancellationToken)} question(s) queued: run 'mlprep review'.");
            }
        }

        return 0;
    }

    private static string Clock(int seconds) => $"{seconds / 60}:{seconds % 60:00}";

    /// <summary>Shows the remaining time in the terminal's title bar once a second.</summary>
    private sealed class TitleClock(TextWriter output) : IDisposable
    {
        private Timer? _timer;

        public void Start(MockAnswer answer, TimeProvider time)
        {
            Stop();
            _timer = new Timer(_ =>
            {
                var left = answer.TimeBoxSeconds - answer.SecondsSpent(time.GetUtcNow());
                output.Write($"\u001b]0;MlPrep mock: {(left < 0 ? "+" + Clock(-left) + " over" : Clock(left) + " left")}\u0007");
                output.Flush();
            }, null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        }

        public void Stop()
        {
            _timer?.Dispose();
            _timer = null;
        }

        public void Dispose()
        {
            Stop();
            output.Write("\u001b]0;MlPrep\u0007");
        }
    }
}
