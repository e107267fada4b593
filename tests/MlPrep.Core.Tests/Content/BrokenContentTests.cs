using MlPrep.Core.Content;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Content;

/// <summary>One broken content folder per error kind under Fixtures/broken; each has an expected.txt.</summary>
/// <remarks>expected.txt lists the errors exactly as <c>mlprep content check</c> prints them (paths relative
/// to the fixture). When it contains a warning line, warnings are compared too.</remarks>
public class BrokenContentTests
{
    private static readonly TimeProvider Time = FixedTime.At(2026, 11, 22);

    public static TheoryData<string> Cases() => new(
        Directory.GetDirectories(Path.Combine(Repo.Fixtures, "broken")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_BrokenFixture_ReportsExactlyTheExpectedDiagnostics(string name)
    {
        var folder = Path.Combine(Repo.Fixtures, "broken", name);
        var expectedFile = Path.Combine(folder, "expected.txt");
        var result = new ContentLoader(Time).Load(folder);

        if (Repo.UpdateGolden)
        {
            File.WriteAllLines(expectedFile, result.Diagnostics.Where(d => d.Severity == Severity.Error || name.StartsWith("warning", StringComparison.Ordinal)).Select(d => d.Format()));
        }

        Assert.True(File.Exists(expectedFile), $"{expectedFile} is missing");
        var expected = File.ReadAllLines(expectedFile).Where(l => l.Length > 0).ToList();
        var withWarnings = expected.Any(l => l.Contains(": warning: ", StringComparison.Ordinal));
        var actual = result.Diagnostics.Where(d => withWarnings || d.Severity == Severity.Error).Select(d => d.Format()).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryErrorFixture_HasAtLeastOneError()
    {
        foreach (var name in Directory.GetDirectories(Path.Combine(Repo.Fixtures, "broken")).Select(d => Path.GetFileName(d)).Where(n => !n.StartsWith("warning", StringComparison.Ordinal)))
        {
            var result = new ContentLoader(Time).Load(Path.Combine(Repo.Fixtures, "broken", name));
            Assert.True(result.HasErrors, $"fixture '{name}' loads without errors");
        }
    }

    [Fact]
    public void Load_BrokenFile_IsLeftOutWhileValidFilesLoad()
    {
        // follow-up-cycle: the reported member is rejected; the other two are valid and stay.
        var result = new ContentLoader(Time).Load(Path.Combine(Repo.Fixtures, "broken", "follow-up-cycle"));

        Assert.Equal(["ML-002", "ML-003"], result.Bank.Questions.Select(q => q.Id));
    }

    [Fact]
    public void Load_WarningsOnly_KeepsTheQuestion()
    {
        var result = new ContentLoader(Time).Load(Path.Combine(Repo.Fixtures, "broken", "warnings"));

        Assert.False(result.HasErrors);
        Assert.Single(result.Bank.Questions);
        Assert.True(result.WarningCount >= 4);
    }
}
