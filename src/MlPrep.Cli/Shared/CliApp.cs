using System.CommandLine;
using MlPrep.Cli.Content;
using MlPrep.Cli.Mock;
using MlPrep.Cli.Progress;
using MlPrep.Cli.Questions;
using MlPrep.Cli.Review;
using MlPrep.Cli.Stats;

namespace MlPrep.Cli.Shared;

/// <summary>The <c>mlprep</c> command tree.</summary>
internal static class CliApp
{
    public static RootCommand Create(CliEnvironment env)
    {
        var root = new RootCommand("mlprep: practise for machine-learning interviews with a bank of questions and model answers.")
        {
            ContentSource.Option,
            ContentCommands.Create(env),
            ListCommand.Create(env),
            ShowCommand.Create(env),
            StatsCommand.Create(env),
            NewCommand.Create(env),
            ReviewCommand.Create(env),
            MockCommand.Create(env),
            ProgressCommand.Create(env),
        };
        root.SetAction(parse => StatsCommand.Overview(parse, env));
        return root;
    }

    /// <summary>Exit code for a failure the program did not expect (sysexits' EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    public static async Task<int> RunAsync(string[] args, CliEnvironment env)
    {
        try
        {
            var parse = Create(env).Parse(args);
            var configuration = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
#pragma warning disable CA1031 // Justification: the last line of defence; users get one clear line instead of a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            env.Error.WriteLine($"error: mlprep failed unexpectedly: {ex.Message}. Please report this with the command you ran.");
            return InternalError;
        }
    }
}
