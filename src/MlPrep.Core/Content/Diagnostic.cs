namespace MlPrep.Core.Content;

/// <summary>How serious a content problem is.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>One problem found in a content file, with the place it was found.</summary>
/// <param name="Severity">Errors keep the file out of the bank; warnings do not.</param>
/// <param name="Path">The file's path relative to the content root, with forward slashes.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it.</param>
public sealed record Diagnostic(Severity Severity, string Path, int Line, int Column, string Message)
{
    /// <summary>Formats as <c>path:line:col: error: message</c>, the shape compilers use, so editors can jump to it.</summary>
    /// <param name="contentRoot">Prefix for the path, e.g. <c>content</c>; null or empty leaves it relative to the content root.</param>
    public string Format(string? contentRoot = null)
    {
        var path = string.IsNullOrEmpty(contentRoot) ? Path : $"{contentRoot.TrimEnd('/', '\\')}/{Path}";
        var severity = Severity == Severity.Error ? "error" : "warning";
        return $"{path}:{Line}:{Column}: {severity}: {Message}";
    }

    /// <inheritdoc/>
    public override string ToString() => Format();
}
