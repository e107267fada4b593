using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using MlPrep.Cli.Questions;
using MlPrep.Cli.Shared;
using MlPrep.Core.Content;
using MlPrep.Core.Practice;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Search;
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
            var decks = await db.Decks.AsNoTracking().Where(d => d.UserId == Users.Local).ToListAsync(cancellationToken);
            var deck = decks.FirstOrDefault(d => d.Name.Equals(deckName, StringComparison.OrdinalIgnoreCase) || d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == deckName);
            if (deck is null)
            {
                env.Error.WriteLine($"error: no deck '{deckName}'." + (decks.Count > 0 ? $" Your decks: {string.Join(", ", decks.Select(d => d.Name))}." : " Create decks on the web app's /review/decks page."));
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

            Reveal(console, item.Question);
            var ticked = AskKeyPoints(env, console, item.Question.KeyPoints.Length);
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
                        ? $"[green]Saved.[/] {item.Question.Id} comes back in {Intervals.Label(ReviewCardDue(result.Card!) - env.Time.GetUtcNow())}."
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

    private static void Reveal(IAnsiConsole console, Question question)
    {
        foreach (var section in question.Sections)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(section.Name)}[/]").LeftJustified());
            console.Write(TerminalMarkdown.Render(section.Markdown));
            console.WriteLine();
        }

        console.Write(new Rule("[bold]Key points[/]").LeftJustified());
        for (var i = 0; i < question.KeyPoints.Length; i++)
        {
            console.MarkupLine($"  {i + 1}. {Markup.Escape(question.KeyPoints[i].Point)}");
        }
    }

    /// <summary>Asks which key points were covered ("1 3 4", "all", or nothing); null when input ends or the user quits.</summary>
    private static List<int>? AskKeyPoints(CliEnvironment env, IAnsiConsole console, int count)
    {
        while (true)
        {
            console.MarkupLine($"Which key points did you cover? Numbers 1-{count} separated by spaces, 'all', or Enter for none:");
            var answer = Ask(env);
            if (answer is null or "q")
            {
                return null;
            }

            if (answer == "all")
            {
                return [.. Enumerable.Range(0, count)];
            }

            var parts = answer.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            var numbers = parts.Select(p => int.TryParse(p, out var n) && n >= 1 && n <= count ? n - 1 : -1).ToList();
            if (numbers.All(n => n >= 0))
            {
                return [.. numbers.Distinct().Order()];
            }

            console.MarkupLine($"[yellow]'{Markup.Escape(answer)}' is not a list of numbers from 1 to {count}.[/]");
        }
    }

    private static DateTimeOffset ReviewCardDue(ReviewCard card) => new(DateTime.SpecifyKind(card.Due, DateTimeKind.Utc));
}
