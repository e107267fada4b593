using System.CommandLine;
using MlPrep.Cli.Shared;
using MlPrep.Core.Content;
using Spectre.Console;

namespace MlPrep.Cli.Stats;

/// <summary><c>mlprep stats</c>: counts over the bank; also the overview printed by a bare <c>mlprep</c>.</summary>
internal static class StatsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (see docs/cli-json.md)" };
        var command = new Command("stats", "Count the questions by track, level, kind, round and difficulty") { json };
        command.SetAction(parse => Run(parse, env, parse.GetValue(json)));
        return command;
    }

    /// <summary>What a bare <c>mlprep</c> shows: the bank at a glance and where to go next.</summary>
    public static int Overview(ParseResult parse, CliEnvironment env)
    {
        if (ContentSource.Load(parse, env) is not { } bank)
        {
            return 1;
        }

        var stats = BankStatistics.From(bank);
        var console = env.CreateConsole();
        console.MarkupLine($"[bold]MlPrep[/]: {stats.Questions} interview questions with model answers, {stats.Guides} guides.");
        console.Write(Breakdown("Track", stats.ByTrack, key => Slug.TryParse<Track>(key, out var t) ? $"{t.DisplayName()} [grey]({key})[/]" : key));
        console.MarkupLine("Next: [bold]mlprep list --track ml-fundamentals[/], [bold]mlprep show ML-002[/], [bold]mlprep stats[/], [bold]mlprep --help[/].");
        return 0;
    }

    private static int Run(ParseResult parse, CliEnvironment env, bool asJson)
    {
        if (ContentSource.Load(parse, env) is not { } bank)
        {
            return 1;
        }

        var stats = BankStatistics.From(bank);
        if (asJson)
        {
            CliJson.Write(env.Out, stats);
            return 0;
        }

        var console = env.CreateConsole();
        console.MarkupLine($"[bold]{stats.Questions}[/] questions ({stats.Complete} complete, {stats.Drafts} drafts), {stats.WithFollowUps} with follow-ups, {stats.KeyPoints} key points, {stats.Guides} guides, {stats.ThesaurusGroups} synonym groups.");
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(Breakdown("Track", stats.ByTrack), Breakdown("Level", stats.ByLevel));
        grid.AddRow(Breakdown("Round", stats.ByRound), Breakdown("Kind", stats.ByKind));
        grid.AddRow(Breakdown("Difficulty", stats.ByDifficulty), Breakdown("Format", stats.ByFormat));
        console.Write(grid);
        return 0;
    }

    private static Table Breakdown(string title, IReadOnlyDictionary<string, int> counts, Func<string, string>? label = null)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(title).AddColumn(new TableColumn("Questions").RightAligned());
        foreach (var (key, count) in counts)
        {
            table.AddRow(label?.Invoke(key) ?? Markup.Escape(key), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return table;
    }
}
