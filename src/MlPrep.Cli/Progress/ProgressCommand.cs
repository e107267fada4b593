using System.CommandLine;
using System.Globalization;
using MlPrep.Cli.Shared;
using MlPrep.Core.Interviews;
using MlPrep.Core.Practice;
using Spectre.Console;

namespace MlPrep.Cli.Progress;

/// <summary><c>mlprep progress</c>: streak, retention, due cards, mastery and readiness, from the same database as the web app.</summary>
internal static class ProgressCommand
{
    public static Command Create(CliEnvironment env)
    {
        var target = new Option<string>("--target") { Description = "Level you are preparing for: junior, mid, senior or staff", HelpName = "LEVEL", DefaultValueFactory = _ => "senior" };
        target.Validators.Add(r =>
        {
            if (!Enum.TryParse<TargetLevel>(r.GetValueOrDefault<string>(), ignoreCase: true, out var t) || !Enum.IsDefined(t))
            {
                r.AddError($"Unknown target '{r.GetValueOrDefault<string>()}'. Use junior, mid, senior or staff.");
            }
        });
        var command = new Command("progress", "Show review progress, mastery and readiness for a target level") { target };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, env, Enum.Parse<TargetLevel>(parse.GetValue(target)!, ignoreCase: true), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliEnvironment env, TargetLevel target, CancellationToken cancellationToken)
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

        var r = await new ProgressService(db, bank, env.Time).ReportAsync(Users.Local, target, cancellationToken);
        var console = env.CreateConsole();
        var today = DateOnly.FromDateTime(env.Time.GetUtcNow().UtcDateTime);
        var week = r.ReviewsPerDay.Where(d => d.Key > today.AddDays(-7)).Sum(d => d.Value);
        console.MarkupLine($"[bold]Streak[/] {r.Streak} day(s) · [bold]reviews[/] {week} this week, {r.ReviewsPerDay.Values.Sum()} this year · [bold]due today[/] {r.DueForecast[0]}, next 7 days {r.DueForecast.Take(7).Sum()}");
        console.MarkupLine($"[bold]Retention[/] predicted {Percent(r.PredictedRetention)}, actual over 30 days {Percent(r.ActualRetention)} ({r.ActualRetentionReviews} reviews)");
        console.MarkupLine($"[bold]Cards[/] {string.Join(" · ", r.ByState.Select(s => $"{s.Key.ToString().ToLowerInvariant()} {s.Value}"))} · suspended {r.Suspended} · leeches {r.Leeches}");
        var table = new Table().AddColumns("Track", "Known", "Questions", "Mastery");
        foreach (var m in r.ByTrack)
        {
            table.AddRow(m.Name, m.Known.ToString(CultureInfo.InvariantCulture), m.Total.ToString(CultureInfo.InvariantCulture), m.Share.ToString("P0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var ready = r.Readiness;
        console.MarkupLine($"[bold]Readiness for {target.ToString().ToLowerInvariant()}[/]: {ready.Share.ToString("P0", CultureInfo.InvariantCulture)} of {string.Join(" and ", ready.Levels.Select(l => l.ToString().ToLowerInvariant()))} questions known confidently ({ready.Known}/{ready.Total}); 60-70% is the usual bar.");
        foreach (var (step, i) in ready.NextSteps.Select((s, i) => (s, i)))
        {
            console.MarkupLine($"  {i + 1}. {Markup.Escape(step)}");
        }

        if (r.Mocks.Count > 0)
        {
            console.MarkupLine($"[bold]Mock interviews[/]: {string.Join(", ", r.Mocks.Take(5).Select(s => $"{s.Round.Slug()} {s.StartedAt:yyyy-MM-dd}" + (s.Answers.Any(a => a.Score is not null) ? $" {s.Answers.Where(a => a.Score is not null).Average(a => a.Score!.Value):0.0}/4" : "")))}");
        }

        return 0;
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "-";
}
