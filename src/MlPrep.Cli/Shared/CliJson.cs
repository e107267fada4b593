using System.Text.Encodings.Web;
using System.Text.Json;

namespace MlPrep.Cli.Shared;

/// <summary>The one JSON style of every <c>--json</c> output: snake_case, indented, UTF-8 text unescaped.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Options));
}
