namespace MlPrep.Tests.Shared;

/// <summary>Paths inside the repository, found from the test binary's folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The bundled bank, or <c>MLPREP_TEST_CONTENT</c> when set (a developer can pin tests to a snapshot while content is being edited).</summary>
    public static string Content => Environment.GetEnvironmentVariable("MLPREP_TEST_CONTENT") is { Length: > 0 } pinned ? pinned : Path.Combine(Root, "content");

    public static string Fixtures => Path.Combine(Root, "tests", "MlPrep.Core.Tests", "Content", "Fixtures");

    /// <summary>Golden files are rewritten instead of compared when MLPREP_UPDATE_GOLDEN=1 (review the diff before committing).</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("MLPREP_UPDATE_GOLDEN") == "1";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MlPrep.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MlPrep.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A clock fixed at one instant.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>File helpers for tests that build content folders on disk.</summary>
public static class TestFiles
{
    /// <summary>Copies every file below <paramref name="from"/> into <paramref name="to"/>, keeping relative paths.</summary>
    public static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
