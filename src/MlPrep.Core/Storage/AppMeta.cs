namespace MlPrep.Core.Storage;

/// <summary>A key-value row about the database itself, such as which version of the search text its index was built from.</summary>
public sealed class AppMeta
{
    public const string SearchTextVersionKey = "search_text_version";

    public required string Key { get; set; }

    public required string Value { get; set; }
}
