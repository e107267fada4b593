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

    [Fact]
    public void Load_UnreadableFile_IsReportedAndTheRestLoads()
    {
        var root = Directory.CreateTempSubdirectory("mlprep-unreadable-").FullName;
        try
        {
            TestFiles.CopyTree(Path.Combine(Repo.Fixtures, "valid"), root);
            var dangling = Path.Combine(root, "questions", "ml-fundamentals", "ML-009-gone.md");
            File.CreateSymbolicLink(dangling, Path.Combine(root, "does-not-exist.md"));
            File.CreateSymbolicLink(Path.Combine(root, "guides", "gone.md"), Path.Combine(root, "does-not-exist.md"));

            var result = new ContentLoader(Time).Load(root);

            Assert.Equal(4, result.Bank.Questions.Length);
            Assert.Equal(2, result.Bank.Guides.Length);
            Assert.Contains(result.Diagnostics, d => d.Path == "questions/ml-fundamentals/ML-009-gone.md" && d.Severity == Severity.Error && d.Message.StartsWith("cannot read the file", StringComparison.Ordinal));
            Assert.Contains(result.Diagnostics, d => d.Path == "guides/gone.md" && d.Severity == Severity.Error);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_FilesWithByteOrderMarkAndCrlf_LoadCleanly()
    {
        var root = Directory.CreateTempSubdirectory("mlprep-bom-").FullName;
        try
        {
            TestFiles.CopyTree(Path.Combine(Repo.Fixtures, "valid"), root);
            foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file).ReplaceLineEndings("\r\n");
                File.WriteAllText(file, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            }

            var result = new ContentLoader(Time).Load(root);

            Assert.Empty(result.Diagnostics);
            Assert.Equal(4, result.Bank.Questions.Length);
            Assert.Equal(2, result.Bank.Guides.Length);
            Assert.Equal(2, result.Bank.Thesaurus.Groups.Length);
            Assert.Equal("Why does L2 regularization shrink weights?", result.Bank.Find("ML-001")!.Title);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
