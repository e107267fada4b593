namespace MlPrep.Core.Content;

/// <summary>Collects the diagnostics of one file and remembers whether any was an error.</summary>
internal sealed class DiagnosticSink(string path, List<Diagnostic> all)
{
    public string Path { get; } = path;

    public bool HasErrors { get; private set; }

    public void Error(int line, int column, string message)
    {
        HasErrors = true;
        all.Add(new Diagnostic(Severity.Error, Path, Math.Max(1, line), Math.Max(1, column), message));
    }

    public void Warning(int line, int column, string message) =>
        all.Add(new Diagnostic(Severity.Warning, Path, Math.Max(1, line), Math.Max(1, column), message));
}
