using MlPrep.Cli.Questions;
using MlPrep.Core.Content;
using Spectre.Console;

namespace MlPrep.Cli.Shared;

/// <summary>How review, mock interviews and <c>show</c> print a model answer, and how they ask which key points were covered.</summary>
internal static class AnswerConsole
{
    /// <summary>The sections, each under a rule, with a design stage's suggested minutes.</summary>
    public static void WriteSections(IAnsiConsole console, Question question, IEnumerable<Section> sections)
    {
        foreach (var section in sections)
        {
            var minutes = question.TimeBox.TryGetValue(SectionLayout.StageKey(section.Name), out var m) ? $" [grey]({m} min)[/]" : "";
            console.Write(new Rule($"[bold]{Markup.Escape(section.Name)}[/]{minutes}").LeftJustified());
            console.Write(TerminalMarkdown.Render(section.Markdown));
            console.WriteLine();
        }
    }

    /// <summary>The key points numbered from 1, as the tick prompt refers to them.</summary>
    public static void WriteNumberedKeyPoints(IAnsiConsole console, Question question)
    {
        console.Write(new Rule("[bold]Key points[/]").LeftJustified());
        for (var i = 0; i < question.KeyPoints.Length; i++)
        {
            console.MarkupLine($"  {i + 1}. {Markup.Escape(question.KeyPoints[i].Point)}");
        }
    }

    /// <summary>Asks which key points were covered ("1 3 4", "all", or nothing) until the answer is valid; null when input ends or the user types q.</summary>
    public static List<int>? AskKeyPoints(CliEnvironment env, IAnsiConsole console, int count)
    {
        while (true)
        {
            console.MarkupLine($"Key points you covered: numbers 1-{count} separated by spaces, 'all', or Enter for none:");
            var answer = env.Input.ReadLine()?.Trim().ToLowerInvariant();
            if (answer is null or "q")
            {
                return null;
            }

            if (answer == "all")
            {
                return [.. Enumerable.Range(0, count)];
            }

            var numbers = answer.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
                .Select(p => int.TryParse(p, out var n) && n >= 1 && n <= count ? n - 1 : -1).ToList();
            if (numbers.All(n => n >= 0))
            {
                return [.. numbers.Distinct().Order()];
            }

            console.MarkupLine($"[yellow]'{Markup.Escape(answer)}' is not a list of numbers from 1 to {count}.[/]");
        }
    }
}
