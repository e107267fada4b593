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
}
