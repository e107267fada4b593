using System.Collections.Frozen;
using System.Collections.Immutable;

namespace MlPrep.Core.Content;

/// <summary>The loaded question bank: every valid question, guide and the thesaurus, immutable.</summary>
/// <remarks>Built once at start (or per CLI command) and shared freely across threads.</remarks>
public sealed class ContentBank
{
    private readonly FrozenDictionary<string, Question> _byId;

    /// <summary>Creates a bank; questions are kept sorted by track, then id.</summary>
    public ContentBank(IEnumerable<Question> questions, IEnumerable<Guide> guides, Thesaurus thesaurus)
    {
        Questions = [.. questions.OrderBy(q => q.Track).ThenBy(q => q.Id, IdComparer.Instance)];
        Guides = [.. guides.OrderBy(g => g.Order).ThenBy(g => g.Title, StringComparer.Ordinal)];
        Thesaurus = thesaurus;
        _byId = Questions.ToFrozenDictionary(q => q.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>An empty bank.</summary>
    public static ContentBank Empty { get; } = new([], [], Thesaurus.Empty);

    public ImmutableArray<Question> Questions { get; }
    public ImmutableArray<Guide> Guides { get; }
    public Thesaurus Thesaurus { get; }

    /// <summary>Finds a question by id, ignoring case.</summary>
    public Question? Find(string id) => _byId.GetValueOrDefault(id.Trim());

    /// <summary>The loaded follow-ups of a question, in the order the file lists them.</summary>
    public IEnumerable<Question> FollowUpsOf(Question question) => Resolve(question.FollowUps);

    /// <summary>The loaded prerequisites of a question, in the order the file lists them.</summary>
    public IEnumerable<Question> PrerequisitesOf(Question question) => Resolve(question.Prerequisites);

    private IEnumerable<Question> Resolve(ImmutableArray<string> ids)
    {
        foreach (var id in ids)
        {
            if (_byId.TryGetValue(id, out var question))
            {
                yield return question;
            }
        }
    }
}

/// <summary>Orders ids by prefix, then by number, so ML-010 sorts after ML-009.</summary>
public sealed class IdComparer : IComparer<string>
{
    public static IdComparer Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (QuestionId.TryParse(x, out var a) && QuestionId.TryParse(y, out var b))
        {
            var byPrefix = string.CompareOrdinal(a.Prefix, b.Prefix);
            return byPrefix != 0 ? byPrefix : a.Number.CompareTo(b.Number);
        }

        return string.CompareOrdinal(x, y);
    }
}

/// <summary>A question id split into its parts: <c>ML-042</c> is prefix <c>ML</c>, number 42.</summary>
public readonly record struct QuestionId(string Prefix, int Number)
{
    /// <summary>Parses <c>PREFIX-NNN</c>: upper-case letters, a hyphen, at least three digits.</summary>
    public static bool TryParse(string? text, out QuestionId id)
    {
        id = default;
        if (text is null)
        {
            return false;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || text.Length - dash - 1 < 3)
        {
            return false;
        }

        var prefix = text[..dash];
        var digits = text[(dash + 1)..];
        if (!prefix.All(char.IsAsciiLetterUpper) || !digits.All(char.IsAsciiDigit) || digits.Length > 6)
        {
            return false;
        }

        id = new QuestionId(prefix, int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The canonical spelling, numbers padded to three digits.</summary>
    public override string ToString() => $"{Prefix}-{Number:000}";
}
