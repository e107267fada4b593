using MlPrep.Core.Search;

namespace MlPrep.Core.Practice;

/// <summary>A saved filter over the bank to review from (track, level, topics, kind ...).</summary>
/// <remarks>The filter is stored as the question list's query string (<c>track=deep-learning&amp;level=advanced</c>),
/// parsed with <see cref="Search.QuestionQuery.Parse"/>, so a deck selects exactly what the questions page shows
/// for the same URL and keeps working as questions are added.</remarks>
public sealed class Deck
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Filter { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The deck named by <paramref name="key"/> (its id or, ignoring case, its name) among the user's decks; null with the reason otherwise.</summary>
    public static Deck? Find(IReadOnlyList<Deck> decks, string key, out string? error)
    {
        key = key.Trim();
        var deck = decks.FirstOrDefault(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == key)
            ?? decks.FirstOrDefault(d => string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase));
        error = deck is not null ? null
            : $"There is no deck '{key}'." + (decks.Count > 0 ? $" Your decks: {string.Join(", ", decks.Select(d => d.Name))}." : " Create one on the decks page (/review/decks).");
        return deck;
    }

    /// <summary>The deck's filter as a question query (validated when the deck was saved).</summary>
    public QuestionQuery Query() => Parse(Filter).Query;

    /// <summary>Parses a filter written as a query string (<c>track=sql&amp;level=advanced</c>, with or without the leading <c>?</c>).</summary>
    public static (QuestionQuery Query, IReadOnlyDictionary<string, string[]> Errors) Parse(string filter)
    {
        var values = filter.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Name: Decode(kv[0]), Value: kv.Length > 1 ? Decode(kv[1]) : ""))
            .ToLookup(kv => kv.Name, kv => kv.Value, StringComparer.Ordinal);
        return QuestionQuery.Parse(name => [.. values[name]]);
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
