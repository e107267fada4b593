using MlPrep.Core.Content;
using MlPrep.Tests.Shared;

namespace MlPrep.Core.Tests.Content;

public sealed class QuestionScaffoldTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mlprep-scaffold-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void NextId_EmptyTrack_StartsAtOne()
    {
        Directory.CreateDirectory(Path.Combine(_root, "questions"));

        Assert.Equal("DL-001", QuestionScaffold.NextId(_root, Track.DeepLearning));
    }

    [Fact]
    public void NextId_CountsIdsOfBrokenFilesAndFileNames()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "questions", "deep-learning")).FullName;
        File.WriteAllText(Path.Combine(folder, "DL-004-a.md"), "not even front matter");
        File.WriteAllText(Path.Combine(folder, "renamed.md"), "---\nid: DL-009\n: broken yaml [\n---\n");
        File.WriteAllText(Path.Combine(folder, "ML-050-x.md"), "---\nid: ML-050\n---\n");

        Assert.Equal("DL-010", QuestionScaffold.NextId(_root, Track.DeepLearning));
    }

    [Theory]
    [InlineData(Track.MlFundamentals, QuestionFormat.Concept)]
    [InlineData(Track.MlSystemDesign, QuestionFormat.Design)]
    [InlineData(Track.Behavioral, QuestionFormat.Behavioral)]
    [InlineData(Track.Sql, QuestionFormat.Coding)]
    [InlineData(Track.MlCoding, QuestionFormat.Coding)]
    public void Render_EveryFormat_LoadsAsAValidDraft(Track track, QuestionFormat format)
    {
        var id = QuestionScaffold.NextId(_root, track);
        var relative = QuestionScaffold.RelativePath(id, track, "What is a \"good\" baseline?");
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, QuestionScaffold.Render(id, track, format, "What is a \"good\" baseline?", new DateOnly(2026, 11, 22)));

        var result = new ContentLoader(FixedTime.At(2026, 11, 22)).Load(_root);

        Assert.Empty(result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Format()));
        var question = Assert.Single(result.Bank.Questions);
        Assert.Equal(QuestionStatus.Draft, question.Status);
        Assert.False(question.IsComplete);
        Assert.Equal(format, question.Format);
        Assert.Equal("What is a \"good\" baseline?", question.Title);
        Assert.EndsWith("-what-is-a-good-baseline.md", relative, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PublishedWithoutFilling_FailsOnTodo()
    {
        var text = QuestionScaffold.Render("ML-001", Track.MlFundamentals, QuestionFormat.Concept, null, new DateOnly(2026, 11, 22))
            .Replace("status: draft\n", "", StringComparison.Ordinal);
        var folder = Directory.CreateDirectory(Path.Combine(_root, "questions", "ml-fundamentals")).FullName;
        File.WriteAllText(Path.Combine(folder, "ML-001-new-question.md"), text);

        var result = new ContentLoader(FixedTime.At(2026, 11, 22)).Load(_root);

        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.Message.Contains("TODO", StringComparison.Ordinal));
        Assert.Empty(result.Bank.Questions);
    }
}
