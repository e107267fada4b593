using System.CommandLine;
using MlPrep.Cli.Shared;
using MlPrep.Core.Content;

namespace MlPrep.Cli.Content;

/// <summary><c>mlprep content check</c>: validate every content file and list every problem.</summary>
internal static class ContentCommands
{
    public static Command Create(CliEnvironment env)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (see docs/cli-json.md)" };
        var check = new Command("check", "Check every content file; exit 1 when any has an error") { json };
        check.SetAction(parse => Check(parse, env, parse.GetValue(json)));
        return new Command("content", "Work with the content folder") { check };
    }

    private static int Check(ParseResult parse, CliEnvironment env, bool asJson)
    {
        var root = ContentSource.Resolve(parse, env);
        var result = new ContentLoader(env.Time).Load(root);
        var display = ContentSource.Display(root, env);
        if (asJson)
        {
            CliJson.Write(env.Out, new
            {
                Content = display,
                Questions = result.Bank.Questions.Length,
                Guides = result.Bank.Guides.Length,
                Errors = result.ErrorCount,
                Warnings = result.WarningCount,
                Diagnostics = result.Diagnostics.Select(DiagnosticDto.From),
            });
            return result.HasErrors ? 1 : 0;
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            var writer = diagnostic.Severity == Severity.Error ? env.Error : env.Out;
            writer.WriteLine(diagnostic.Format(display));
        }

        var summary = $"{display}: {result.Bank.Questions.Length} questions and {result.Bank.Guides.Length} guides loaded; {result.ErrorCount} error(s), {result.WarningCount} warning(s)";
        (result.HasErrors ? env.Error : env.Out).WriteLine(summary);
        return result.HasErrors ? 1 : 0;
    }
}
