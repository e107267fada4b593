using Spectre.Console;

namespace MlPrep.Cli.Shared;

/// <summary>Everything a command takes from the outside world, so tests can run commands in-process.</summary>
internal sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    string CurrentDirectory,
    Func<string, string?> GetVariable,
    TimeProvider Time,
    bool Color,
    int? Width = null,
    TextReader? In = null)
{
    /// <summary>Where interactive commands read answers from (standard input; a script in tests).</summary>
    public TextReader Input => In ?? TextReader.Null;

    public static CliEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        Environment.CurrentDirectory,
        Environment.GetEnvironmentVariable,
        TimeProvider.System,
        Color: !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
        In: Console.In);

    /// <summary>A Spectre console over <see cref="Out"/> for tables and rendered answers.</summary>
    public IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = Color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (Width is { } width)
        {
            console.Profile.Width = width;
        }
        else if (!Color)
        {
            // Redirected output (a pipe, a file): wide enough that tables do not wrap titles mid-word.
            console.Profile.Width = 160;
        }

        return console;
    }
}
