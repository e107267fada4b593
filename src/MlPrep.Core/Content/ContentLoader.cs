using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace MlPrep.Core.Content;

/// <summary>The outcome of loading a content folder: the bank of valid content and every problem found.</summary>
public sealed record ContentLoadResult(ContentBank Bank, ImmutableArray<Diagnostic> Diagnostics)
{
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public bool HasErrors => ErrorCount > 0;
}

/// <summary>Reads a content folder into a <see cref="ContentBank"/>, checking every file.</summary>
/// <remarks>A bad file never stops the load: it is reported with its position and left out, and every
/// other file still loads, so one typo cannot take the whole bank offline. The clock comes from the
/// injected <see cref="TimeProvider"/> (for "reviewed in the future" warnings).</remarks>
public sealed class ContentLoader(TimeProvider time)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file that holds search synonyms, relative to the content root.</summary>
    public const string ThesaurusFileName = "thesaurus.yaml";

    /// <summary>Loads and checks everything under <paramref name="contentRoot"/>.</summary>
    public ContentLoadResult Load(string contentRoot)
    {
        var diagnostics = new List<Diagnostic>();
        var root = Path.GetFullPath(contentRoot);
        if (!Directory.Exists(root))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, ".", 1, 1, $"content folder not found: {root}"));
            return new ContentLoadResult(ContentBank.Empty, [.. diagnostics]);
        }

        var questions = LoadQuestions(root, diagnostics);
        var guides = LoadGuides(root, diagnostics);
        var thesaurus = LoadThesaurus(root, diagnostics);
        var ordered = diagnostics
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column);
        return new ContentLoadResult(new ContentBank(questions, guides, thesaurus), [.. ordered]);
    }

    private List<Question> LoadQuestions(string root, List<Diagnostic> diagnostics)
    {
        var folder = Path.Combine(root, "questions");
        if (!Directory.Exists(folder))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "questions", 1, 1, "no 'questions' folder in the content folder"));
            return [];
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var files = Files(root, folder).ToList();

        // Parsing and rendering dominate start-up; files are independent, so they are parsed in parallel,
        // each into its own diagnostics list, merged below in file order.
        var results = new (ParsedQuestion? Parsed, List<Diagnostic> Diagnostics)[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var (full, relative) = files[i];
            var local = new List<Diagnostic>();
            ParsedQuestion? question = null;
            if (!relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                local.Add(new Diagnostic(Severity.Warning, relative, 1, 1, "not a Markdown file (.md); ignored"));
            }
            else if (TryRead(full, relative, local) is { } file)
            {
                question = QuestionFile.Parse(relative, file.Text, file.Hash, today, local);
            }

            results[i] = (question, local);
        });
        var parsed = results.Where(r => r.Parsed is not null).Select(r => r.Parsed!).ToList();
        LadderCheck.Run(parsed);
        foreach (var (_, local) in results)
        {
            diagnostics.AddRange(local);
        }

        return [.. parsed.Where(p => p.Question is not null && !p.Sink.HasErrors).Select(p => p.Question!)];
    }

    private static List<Guide> LoadGuides(string root, List<Diagnostic> diagnostics)
    {
        var folder = Path.Combine(root, "guides");
        var guides = new List<Guide>();
        if (!Directory.Exists(folder))
        {
            return guides;
        }

        foreach (var (full, relative) in Files(root, folder))
        {
            var sink = new DiagnosticSink(relative, diagnostics);
            if (!relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || relative.Count(c => c == '/') != 1)
            {
                sink.Warning(1, 1, "guides are Markdown files directly inside guides/; ignored");
                continue;
            }

            if (TryRead(full, relative, diagnostics) is { } file && GuideFile.Parse(relative, file.Text, sink) is { } guide)
            {
                guides.Add(guide);
            }
        }

        return guides;
    }

    private static Thesaurus LoadThesaurus(string root, List<Diagnostic> diagnostics)
    {
        var path = Path.Combine(root, ThesaurusFileName);
        // Optional: a small custom content folder may have no synonyms.
        return File.Exists(path) && TryRead(path, ThesaurusFileName, diagnostics) is { } file
            ? ThesaurusFile.Parse(file.Text, new DiagnosticSink(ThesaurusFileName, diagnostics))
            : Thesaurus.Empty;
    }

    /// <summary>Reads a file as UTF-8 text, or reports why it cannot be (a dangling link, no permission,
    /// bytes that are not UTF-8) and returns null.</summary>
    /// <remarks>The one place content is decoded: a leading byte-order mark (some Windows editors write
    /// one) is dropped here so no parser has to know about it.</remarks>
    private static (string Text, string Hash)? TryRead(string full, string relative, List<Diagnostic> diagnostics)
    {
        try
        {
            var bytes = File.ReadAllBytes(full);
            return (StrictUtf8.GetString(bytes).TrimStart('\uFEFF'), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, relative, 1, 1, $"cannot read the file: {ex.Message}"));
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, relative, 1, 1, "file is not valid UTF-8 text"));
        }

        return null;
    }

    /// <summary>Every file below a folder, sorted, with its path relative to the content root; dot-files skipped.</summary>
    private static IEnumerable<(string Full, string Relative)> Files(string root, string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(full => (Full: full, Relative: Path.GetRelativePath(root, full).Replace('\\', '/')))
            .Where(f => !f.Relative.Split('/').Any(part => part.StartsWith('.')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
}
