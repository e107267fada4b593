using System.CommandLine;
using MlPrep.Cli.Shared;
using MlPrep.Core.Content;

namespace MlPrep.Cli.Content;

/// <summary><c>mlprep new --track T</c>: scaffold a valid draft question with the next free id.</summary>
internal static class NewCommand
{
    public static Command Create(CliEnvironment env)
    {
        var track = VocabularyOption.Create<Track>("--track", "track");
        track.Required = true;
        var format = VocabularyOption.Create<QuestionFormat>("--format", "format");
        format.Description = "Sections to scaffold (default: the track's usual format)";
        var title = new Option<string>("--title") { Description = "The question, as an interviewer asks it" };
        var command = new Command("new", "Create a draft question file with the next free id") { track, format, title };
        command.SetAction(parse => Run(parse, env, parse.Value<Track>(track)!.Value, parse.Value<QuestionFormat>(format), parse.GetValue(title)));
        return command;
    }

    private static int Run(ParseResult parse, CliEnvironment env, Track track, QuestionFormat? format, string? title)
    {
        var root = ContentSource.Resolve(parse, env);
        if (!Directory.Exists(Path.Combine(root, "questions")))
        {
            env.Error.WriteLine($"error: {ContentSource.Display(root, env)} has no 'questions' folder; pass --content DIR to choose the content folder");
            return 1;
        }

        var id = QuestionScaffold.NextId(root, track);
        var relative = QuestionScaffold.RelativePath(id, track, title);
        var path = Path.Combine(root, relative);
        if (File.Exists(path))
        {
            env.Error.WriteLine($"error: {path} already exists; nothing was written");
            return 1;
        }

        var today = DateOnly.FromDateTime(env.Time.GetUtcNow().UtcDateTime);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, QuestionScaffold.Render(id, track, format ?? track.DefaultFormat(), title, today));
        env.Out.WriteLine($"Created {Path.Combine(ContentSource.Display(root, env), relative)} ({id}, draft).");
        env.Out.WriteLine("Fill in every TODO, link it into a ladder with follow_ups/prerequisites, remove 'status: draft', then run 'mlprep content check'.");
        return 0;
    }
}
