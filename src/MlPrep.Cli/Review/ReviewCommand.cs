using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using MlPrep.Cli.Shared;
using MlPrep.Core.Content;
using MlPrep.Core.Practice;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Search;
using MlPrep.Core.Storage;
using Spectre.Console;

namespace MlPrep.Cli.Review;

/// <summary><c>mlprep review</c>: terminal flashcards over the same review queue as the web app.</summary>
/// <remarks>Line-based on purpose: it works in any terminal, over SSH and from a script. Enter reveals,
/// the user types the numbers of the key points they covered, then 1-4; u undoes, s suspends, b buries, q quits.</remarks>
internal static class ReviewCommand
{
    public static Command Create(CliEnvironment env)
    {
        var deck = new Option<string>("--deck") { Description = "Review a saved deck (its name or id; see the web app's decks page)", HelpName = "DECK" };
        var track = VocabularyOption.Create<Track>("--track", "track");
        var level = VocabularyOption.Create<Level>("--level", "level");
        var limit = new Option<int?>("--limit") { Description = "Stop after this many ratings", HelpName = "N" };
        var command = new Command("review", "Review due questions as flashcards: reveal, tick key points, rate 1-4") { deck, track, level, limit };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, env, parse.GetValue(deck), parse.Value<Track>(track), parse.Value<Level>(level), parse.GetValue(limit), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliEnvironment env, string? deckName, Track? track, Level? level, int? limit, CancellationToken cancellationToken)
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

        var filter = new QuestionQuery { Tracks = track is { } t ? [t] : [], Levels = level is { } l ? [l] : [] };
        long? deckId = null;
        if (deckName is not null)
        {
            var decks = await db.Decks.AsNoTracking().Where(d => d.UserId == Users.Local).OrderBy(d => d.Name).ToListAsync(cancellationToken);
            if (Deck.Find(decks, deckName, out var error) is not { } deck)
            {
                env.Error.WriteLine("error: " + error);
                return 1;
            }

            (filter, deckId) = (deck.Query(), deck.Id);
        }

        var review = new ReviewService(db, bank, new QuestionSearch(db, bank), env.Time);
        var console = env.CreateConsole();
        var rated = 0;
        while (limit is null || rated < limit)
        {
            var item = await review.NextAsync(Users.Local, filter, cancellationToken);
            if (item is null)
            {
                console.MarkupLine(rated == 0 ? "Nothing to review right now." : $"Done: {rated} rated. Nothing else is due right now.");
                return 0;
            }

            var shown = env.Time.GetUtcNow();
            console.Write(new Rule($"[grey]new {item.Counts.New} · learning {item.Counts.Learning} · due {item.Counts.Review}[/]").LeftJustified());
            console.MarkupLine($"[bold]{item.Question.Id}[/] {Markup.Escape(item.Question.Title)}" + (item.IsNew ? " [blue](new)[/]" : "") + (item.Leech ? " [red](leech)[/]" : ""));
            console.MarkupLine("[grey]Answer out loud or in your head, then press Enter to reveal (q to quit).[/]");
            if (Ask(env) is "q" or null)
            {
                break;
            }

            AnswerConsole.WriteSections(console, item.Question, item.Question.Sections);
            AnswerConsole.WriteNumberedKeyPoints(console, item.Question);
            var ticked = AnswerConsole.AskKeyPoints(env, console, item.Question.KeyPoints.Length);
            if (ticked is null)
            {
                break;
            }

            var labels = string.Join("  ", new[] { Rating.Again, Rating.Hard, Rating.Good, Rating.Easy }.Select(r => $"{(int)r} {r} ({item.IntervalLabel(r, shown)})"));
            while (true)
            {
                console.MarkupLine($"Rate: {labels}   [grey]u undo last · s suspend · b bury · q quit[/]");
                var answer = Ask(env);
                if (answer is null or "q")
                {
                    return Finish(console, rated);
                }

                if (answer is "1" or "2" or "3" or "4")
                {
                    var seconds = (int)(env.Time.GetUtcNow() - shown).TotalSeconds;
                    var result = await review.RateAsync(Users.Local, new RatingRequest(item.Question.Id, (Rating)int.Parse(answer, System.Globalization.CultureInfo.InvariantCulture), item.Version, seconds, ticked, deckId), cancellationToken);
                    console.MarkupLine(result.Status == RatingStatus.Saved
                        ? $"[green]Saved.[/] {item.Question.Id} comes back in {Intervals.Label(result.Card!.Due.AsUtcInstant() - env.Time.GetUtcNow())}."
                        : $"[red]{Markup.Escape(result.Message ?? "Not saved.")}[/]");
                    rated += result.Status == RatingStatus.Saved ? 1 : 0;
                    break;
                }

                if (answer == "u")
                {
                    var undone = await review.UndoAsync(Users.Local, cancellationToken);
                    console.MarkupLine(undone is null ? "Nothing to undo." : $"Undid the last rating of {undone.QuestionId}.");
                    break;
                }

                if (answer is "s" or "b")
                {
                    _ = answer == "s" ? await review.SuspendAsync(Users.Local, item.Question.Id, true, cancellationToken) : await review.BuryAsync(Users.Local, item.Question.Id, cancellationToken);
                    console.MarkupLine(answer == "s" ? $"{item.Question.Id} suspended." : $"{item.Question.Id} buried until tomorrow (UTC).");
                    break;
                }

                console.MarkupLine("[yellow]Type 1, 2, 3 or 4 (or u, s, b, q).[/]");
            }
        }

        return Finish(console, rated);
    }

    private static int Finish(IAnsiConsole console, int rated)
    {
        console.MarkupLine($"Stopped: {rated} rated this session.");
        return 0;
    }

    private static string? Ask(CliEnvironment env) => env.Input.ReadLine()?.Trim().ToLowerInvariant();

}
