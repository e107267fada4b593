using System.Diagnostics;
using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Data.Sqlite;
using MlPrep.Core.Content;
using MlPrep.Tests.Shared;
using Npgsql;

namespace MlPrep.Core.Tests.Content;

/// <summary>
/// Every coding question's reference solution runs and gives the output the question states
/// (docs/content-format.md, "Coding questions are executed"): Python solutions with their asserts under
/// python3 with NumPy, pandas and PyTorch; SQL solutions on SQLite and on PostgreSQL against the
/// expected result table.
/// </summary>
public class ReferenceSolutionTests
{
    public static TheoryData<string> PythonQuestions => Ids(Track.MlCoding);

    public static TheoryData<string> SqlQuestions => Ids(Track.Sql);

    [Fact]
    public void EveryCodingQuestion_IsWrittenSoItCanBeJudged()
    {
        var problems = new List<string>();
        foreach (var q in Bank.Questions.Where(q => q.Format == QuestionFormat.Coding))
        {
            if (q.Track == Track.Sql)
            {
                try
                {
                    _ = SqlCase.From(q);
                }
                catch (FormatException e)
                {
                    problems.Add(e.Message);
                }
            }
            else
            {
                var solution = CodeBlocks(q, "Solution", "python").ToList();
                var tests = CodeBlocks(q, "Tests", "python").ToList();
                if (solution.Count == 0)
                {
                    problems.Add($"{q.Id}: the Solution section has no ```python block");
                }

                if (!tests.Any(t => t.Contains("assert", StringComparison.Ordinal)))
                {
                    problems.Add($"{q.Id}: the Tests section has no ```python block with assert statements");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [PythonTheory]
    [MemberData(nameof(PythonQuestions))]
    public void PythonSolution_PassesItsOwnTests(string id)
    {
        var q = Question(id);
        var script = new StringBuilder();
        foreach (var block in CodeBlocks(q, "Solution", "python").Concat(CodeBlocks(q, "Tests", "python")))
        {
            script.Append(block).Append("\n\n");
        }

        var file = Path.Combine(Path.GetTempPath(), $"mlprep-{id}-{Environment.ProcessId}.py");
        File.WriteAllText(file, script.ToString());
        try
        {
            var (exit, output) = Python.Run(file, TimeSpan.FromSeconds(60));
            Assert.True(exit == 0, $"{q.SourcePath}: the reference solution and its tests exited with {exit}:{Environment.NewLine}{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(SqlQuestions))]
    public void SqlSolution_GivesTheExpectedTable_OnSqlite(string id)
    {
        var sql = SqlCase.From(Question(id));
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var actual = sql.Run(connection, "sqlite");
        sql.AssertMatches(actual, "SQLite");
    }

    [PostgresTheory]
    [MemberData(nameof(SqlQuestions))]
    public void SqlSolution_GivesTheExpectedTable_OnPostgres(string id)
    {
        var sql = SqlCase.From(Question(id));
        using var connection = new NpgsqlConnection(PostgresCluster.Instance.NewDatabase());
        connection.Open();
        var actual = sql.Run(connection, "postgres");
        sql.AssertMatches(actual, "PostgreSQL");
    }

    // ---------------------------------------------------------------------------------------------

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private static readonly Lazy<ContentBank> LoadedBank = new(() => new ContentLoader(FixedTime.At(2026, 11, 22)).Load(Repo.Content).Bank);

    private static ContentBank Bank => LoadedBank.Value;

    private static TheoryData<string> Ids(Track track)
    {
        var data = new TheoryData<string>();
        foreach (var q in Bank.Questions.Where(q => q.Track == track && q.Format == QuestionFormat.Coding))
        {
            data.Add(q.Id.ToString());
        }

        return data;
    }

    private static Question Question(string id) => Bank.Questions.Single(q => q.Id.ToString() == id);

    private static MarkdownDocument Parse(Question q, string section) =>
        Markdown.Parse(q.Section(section)?.Markdown ?? throw new FormatException($"{q.Id}: no {section} section"), Pipeline);

    /// <summary>The code of the fenced blocks in a section whose info string is <paramref name="language"/> with an optional engine tag; <c>skip</c> blocks are left out.</summary>
    private static IEnumerable<string> CodeBlocks(Question q, string section, string language, string? engine = null) =>
        Parse(q, section).Descendants<FencedCodeBlock>()
            .Where(b => string.Equals(b.Info, language, StringComparison.OrdinalIgnoreCase))
            .Where(b => (b.Arguments?.Trim() ?? "") is var tag && tag != "skip" && (tag.Length == 0 || tag == engine))
            .Select(b => b.Lines.ToString());

    private sealed record SqlCase(Question Question, string Setup, Dictionary<string, string> Queries, string[] Header, List<string[]> Rows)
    {
        public static SqlCase From(Question q)
        {
            var setup = CodeBlocks(q, "Problem", "sql").FirstOrDefault()
                ?? throw new FormatException($"{q.Id}: the Problem section has no ```sql block with the tables and data");
            var queries = new Dictionary<string, string>();
            foreach (var engine in new[] { "sqlite", "postgres" })
            {
                queries[engine] = CodeBlocks(q, "Solution", "sql", engine).FirstOrDefault()
                    ?? throw new FormatException($"{q.Id}: the Solution section has no ```sql block that runs on {engine}");
            }

            var table = Parse(q, "Tests").Descendants<Table>().FirstOrDefault()
                ?? throw new FormatException($"{q.Id}: the Tests section has no table with the expected result");
            var rows = table.OfType<TableRow>().Select(r => r.OfType<TableCell>().Select(CellText).ToArray()).ToList();
            return new SqlCase(q, setup, queries, rows[0], rows.Skip(1).ToList());
        }

        public (string[] Header, List<string?[]> Rows) Run(System.Data.Common.DbConnection connection, string engine)
        {
            using (var create = connection.CreateCommand())
            {
                create.CommandText = Setup;
                try
                {
                    create.ExecuteNonQuery();
                }
                catch (System.Data.Common.DbException e)
                {
                    Assert.Fail($"{Question.SourcePath} on {engine}: the tables and data of the Problem section fail: {e.Message}");
                }
            }

            using var command = connection.CreateCommand();
            command.CommandText = Queries[engine];
            System.Data.Common.DbDataReader reader = null!;
            try
            {
                reader = command.ExecuteReader();
            }
            catch (System.Data.Common.DbException e)
            {
                Assert.Fail($"{Question.SourcePath} on {engine}: the reference query fails: {e.Message}");
            }

            using var _ = reader;
            var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<string?[]>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Format(reader.GetValue(i)))]);
            }

            return (header, rows);
        }

        public void AssertMatches((string[] Header, List<string?[]> Rows) actual, string engine)
        {
            var where = $"{Question.SourcePath} on {engine}";
            Assert.True(Header.SequenceEqual(actual.Header, StringComparer.OrdinalIgnoreCase),
                $"{where}: columns [{string.Join(", ", actual.Header)}], the Tests table says [{string.Join(", ", Header)}]");
            var shown = string.Join(Environment.NewLine, actual.Rows.Select(r => "| " + string.Join(" | ", r.Select(c => c ?? "NULL")) + " |"));
            Assert.True(Rows.Count == actual.Rows.Count, $"{where}: {actual.Rows.Count} rows, the Tests table has {Rows.Count}. Actual:{Environment.NewLine}{shown}");
            for (var r = 0; r < Rows.Count; r++)
            {
                for (var c = 0; c < Header.Length; c++)
                {
                    Assert.True(CellMatches(Rows[r][c], actual.Rows[r][c]),
                        $"{where}: row {r + 1}, column {Header[c]}: got {actual.Rows[r][c] ?? "NULL"}, expected {Rows[r][c]}. Actual:{Environment.NewLine}{shown}");
                }
            }
        }

        private static bool CellMatches(string expected, string? actual)
        {
            if (actual is null)
            {
                return expected == "NULL";
            }

            if (decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
                && decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
            {
                var decimals = expected.Contains('.', StringComparison.Ordinal) ? expected.Length - expected.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                return Math.Round(a, decimals, MidpointRounding.AwayFromZero) == e;
            }

            return expected == actual;
        }

        private static string? Format(object value) => value switch
        {
            DBNull => null,
            bool b => b ? "1" : "0",
            DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        private static string CellText(TableCell cell)
        {
            var text = new StringBuilder();
            foreach (var inline in cell.Descendants<Inline>())
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content.ToString());
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                }
            }

            return text.ToString().Trim();
        }
    }
}

/// <summary>Debian's python3 with NumPy, pandas and PyTorch (or MLPREP_PYTHON).</summary>
internal static class Python
{
    private static readonly Lazy<string?> Missing = new(Probe);

    public static string Executable { get; } =
        Environment.GetEnvironmentVariable("MLPREP_PYTHON") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Why the solutions cannot run here, or null when they can.</summary>
    public static string? Unavailable => Missing.Value;

    public static (int Exit, string Output) Run(string script, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(script);
        start.Environment["PYTHONHASHSEED"] = "0";
        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Executable);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? Probe()
    {
        try
        {
            var file = Path.Combine(Path.GetTempPath(), $"mlprep-probe-{Environment.ProcessId}.py");
            File.WriteAllText(file, "import numpy, pandas, torch\n");
            var (exit, output) = Run(file, TimeSpan.FromSeconds(60));
            File.Delete(file);
            return exit == 0 ? null : $"{Executable} lacks NumPy, pandas or PyTorch (apt install python3-numpy python3-pandas python3-torch): {output.Trim().Split('\n').Last()}";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"{Executable} could not be started: {e.Message}";
        }
    }
}

/// <summary>A theory that needs Python with NumPy, pandas and PyTorch: skipped where they are missing, unless CI=true.</summary>
public sealed class PythonTheoryAttribute : TheoryAttribute
{
    public PythonTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && Python.Unavailable is { } reason)
        {
            Skip = reason + " (set CI=true to make this a failure)";
        }
    }
}
