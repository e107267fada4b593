using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MlPrep.Core.Content;

namespace MlPrep.Bench;

/// <summary><c>generate --count N --out DIR [--seed S]</c>: writes a synthetic bank as a content folder.</summary>
/// <remarks>Real questions are copied byte for byte (unless links to questions outside the bank had to be
/// dropped), synthetic ones written in the content format, and the thesaurus and guides copied, so the
/// folder can be given to the app (<c>Content__Path=DIR</c>) or the CLI. The folder is then loaded back
/// and checked: it must load without errors and every question must have the same content hash as the
/// in-memory bank the benchmarks use.</remarks>
public static class GenerateCommand
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(IReadOnlyList<string> args)
    {
        if (!TryParse(args, out var count, out var output, out var seed, out var problem))
        {
            Console.Error.WriteLine(problem);
            Console.Error.WriteLine("usage: generate --count N --out DIR [--seed S]");
            return 2;
        }

        if (Directory.Exists(Path.Combine(output, "questions")))
        {
            Console.Error.WriteLine($"{output} already holds a questions folder; give an empty or new folder");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var root = ContentRoot.Find();
        var bank = SyntheticBank.Generate(new ContentLoader(TimeProvider.System).Load(root).Bank, count, seed, renderHtml: false);
        Console.WriteLine($"generated {bank.Questions.Length} questions from {root} in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        foreach (var question in bank.Questions)
        {
            var target = Path.Combine(output, question.SourcePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var original = Path.Combine(root, question.SourcePath);
            if (File.Exists(original) && Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(original))) == question.ContentHash)
            {
                File.Copy(original, target);
            }
            else
            {
                File.WriteAllText(target, QuestionMarkdown.Write(question), Utf8);
            }
        }

        File.Copy(Path.Combine(root, ContentLoader.ThesaurusFileName), Path.Combine(output, ContentLoader.ThesaurusFileName));
        CopyFolder(Path.Combine(root, "guides"), Path.Combine(output, "guides"));
        Console.WriteLine($"wrote {output} in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        var loaded = new ContentLoader(TimeProvider.System).Load(output);
        var differing = bank.Questions.Where(q => loaded.Bank.Find(q.Id)?.ContentHash != q.ContentHash).Select(q => q.Id).ToList();
        Console.WriteLine($"loaded back in {clock.Elapsed.TotalSeconds:F1} s: {loaded.Bank.Questions.Length} questions, "
            + $"{loaded.ErrorCount} errors, {loaded.WarningCount} warnings, {differing.Count} differing from the in-memory bank "
            + $"{string.Join(' ', differing.Take(10))}");
        foreach (var error in loaded.Diagnostics.Where(d => d.Severity == Severity.Error).Take(10))
        {
            Console.Error.WriteLine(error.Format(output));
        }

        return loaded.HasErrors || differing.Count > 0 ? 1 : 0;
    }

    private static bool TryParse(IReadOnlyList<string> args, out int count, out string output, out int seed, out string problem)
    {
        (count, output, seed, problem) = (-1, "", SyntheticBank.DefaultSeed, "");
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--count" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    count = n;
                    i++;
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    output = Path.GetFullPath(value);
                    i++;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                default:
                    problem = $"unexpected or invalid argument '{args[i]}'";
                    return false;
            }
        }

        problem = count < 0 ? "--count is required (a whole number above 0)" : output.Length == 0 ? "--out is required" : "";
        return problem.Length == 0;
    }

    private static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
