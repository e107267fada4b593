using MlPrep.Cli.Shared;
using MlPrep.Tests.Shared;

namespace MlPrep.Cli.Tests.Support;

/// <summary>Runs <c>mlprep</c> in-process with captured output, a fixed clock and no environment variables.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> Of(string currentDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new CliEnvironment(output, error, currentDirectory, _ => null, FixedTime.At(2026, 11, 22), Color: false, Width: 200);
        var code = await CliApp.RunAsync(args, env);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs with typed input, environment variables and a clock of the test's choosing.</summary>
    public static async Task<CliRun> Interactive(string input, IReadOnlyDictionary<string, string> variables, TimeProvider time, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var env = new CliEnvironment(output, error, Repo.Root, name => variables.GetValueOrDefault(name), time, Color: false, Width: 200, In: reader);
        var code = await CliApp.RunAsync(args, env);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs from the repository root, where ./content is the bundled bank.</summary>
    public static Task<CliRun> InRepo(params string[] args) => Of(Repo.Root, args);
}
