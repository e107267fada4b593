using System.CommandLine;
using MlPrep.Core.Content;

namespace MlPrep.Cli.Shared;

/// <summary>Finds the content folder and loads it; shared by every command.</summary>
/// <remarks>Order: <c>--content</c>, then <c>MLPREP_CONTENT</c>, then <c>./content</c> when it holds
/// questions (a clone of the repository), then the bank bundled beside the executable (an installed tool).</remarks>
internal static class ContentSource
{
    public const string Variable = "MLPREP_CONTENT";

    public static Option<string> Option { get; } = new("--content")
    {
        Description = $"Content folder to read (default: ${Variable}, ./content, or the bundled bank)",
        HelpName = "DIR",
        Recursive = true,
    };

    public static string Resolve(ParseResult parse, CliEnvironment env)
    {
        var explicitPath = parse.GetValue(Option) ?? env.GetVariable(Variable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath, env.CurrentDirectory);
        }

        var local = Path.Combine(env.CurrentDirectory, "content");
        return Directory.Exists(Path.Combine(local, "questions")) ? local : Path.Combine(AppContext.BaseDirectory, "content");
    }

    /// <summary>How a content path is shown: relative to the current folder when under it.</summary>
    public static string Display(string contentRoot, CliEnvironment env)
    {
        var relative = Path.GetRelativePath(env.CurrentDirectory, contentRoot);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? contentRoot : relative;
    }

    /// <summary>Loads the bank; when files have errors, says so once on standard error and goes on with the valid ones.</summary>
    /// <returns>The bank, or null (reported) when the content folder does not exist.</returns>
    public static ContentBank? Load(ParseResult parse, CliEnvironment env)
    {
        var root = Resolve(parse, env);
        if (!Directory.Exists(root))
        {
            env.Error.WriteLine($"error: content folder not found: {root}. Pass --content DIR or set {Variable}.");
            return null;
        }

        var result = new ContentLoader(env.Time).Load(root);
        if (result.HasErrors)
        {
            env.Error.WriteLine($"warning: {result.ErrorCount} content error(s) in {Display(root, env)}; the files with errors are left out. Run 'mlprep content check' for details.");
        }

        return result.Bank;
    }
}
