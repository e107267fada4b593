namespace MlPrep.Bench;

/// <summary>Finds the real content folder the synthetic bank is built from.</summary>
/// <remarks>BenchmarkDotNet runs each benchmark from a generated project deep under <c>bin/</c>, so the
/// folder is searched upwards from both the working directory and the program's own folder.</remarks>
public static class ContentRoot
{
    /// <summary>The folder named by <c>MLPREP_CONTENT</c>, else the nearest <c>content</c> folder above.</summary>
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("MLPREP_CONTENT") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "content");
                if (File.Exists(Path.Combine(candidate, "thesaurus.yaml")) && Directory.Exists(Path.Combine(candidate, "questions")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("no content folder found above the working directory; set MLPREP_CONTENT to the repository's content folder");
    }
}
