using System.CommandLine;
using MlPrep.Cli.Content;
using MlPrep.Cli.Questions;
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
        };
        root.SetAction(parse => StatsCommand.Overview(parse, env));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment env)
    {
        var parse = Create(env).Parse(args);
        var configuration = new InvocationConfiguration { Output = env.Out, Error = env.Error };
        return await parse.InvokeAsync(configuration).ConfigureAwait(false);
    }
}
