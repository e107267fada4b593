using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using MlPrep.Core.Content;

namespace MlPrep.Core.Search;

/// <summary>How a question list is ordered.</summary>
public enum QuestionSort
{
    /// <summary>Best match first when searching; otherwise track, then id.</summary>
    Relevance,
    Track,
    Easiest,
    Hardest,
    Title,
}

/// <summary>A list request: search text, filters (OR within one filter, AND across), order and page.</summary>
/// <remarks>The web pages, the JSON API and saved decks read the same parameter names, so a URL copied
/// from the browser works against the API and means the same thing.</remarks>
public sealed partial record QuestionQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxTextLength = 300;

    public string Text { get; init; } = "";
    public ImmutableArray<Track> Tracks { get; init; } = [];
    public ImmutableArray<Level> Levels { get; init; } = [];
    public ImmutableArray<Kind> Kinds { get; init; } = [];
    public ImmutableArray<Round> Rounds { get; init; } = [];
    public ImmutableArray<string> Topics { get; init; } = [];
    public int? MinDifficulty { get; init; }
    public int? MaxDifficulty { get; init; }
    public QuestionSort Sort { get; init; } = QuestionSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>True when any filter (not text, sort or page) is set.</summary>
    public bool HasFilters =>
        !Tracks.IsEmpty || !Levels.IsEmpty || !Kinds.IsEmpty || !Rounds.IsEmpty || !Topics.IsEmpty || MinDifficulty is not null || MaxDifficulty is not null;

    /// <summary>True when the question passes every filter (the in-memory twin of the database filter in <see cref="QuestionSearch"/>).</summary>
    public bool Accepts(Question question) =>
        AcceptsValues(question.Track, question.Level, question.Kind, question.Difficulty)
        && (Rounds.IsEmpty || question.Rounds.Any(Rounds.Contains))
        && (Topics.IsEmpty || question.Topics.Any(Topics.Contains));

    /// <summary>True when a question with these values passes the filters on track, level, kind and difficulty
    /// (rounds and topics are not checked): for candidates known only by those values, such as best-match list entries.</summary>
    public bool AcceptsValues(Track track, Level level, Kind kind, int difficulty) =>
        (Tracks.IsEmpty || Tracks.Contains(track))
        && (Levels.IsEmpty || Levels.Contains(level))
        && (Kinds.IsEmpty || Kinds.Contains(kind))
        && (MinDifficulty is not { } min || difficulty >= min)
        && (MaxDifficulty is not { } max || difficulty <= max);

    /// <summary>Reads a query from request parameters; every invalid value is reported under its parameter name with what is valid.</summary>
    public static (QuestionQuery Query, IReadOnlyDictionary<string, string[]> Errors) Parse(Func<string, IReadOnlyList<string>> values)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var text = Single(values, "q", errors) ?? "";
        if (text.Length > MaxTextLength)
        {
            errors["q"] = [$"Search text is {text.Length} characters long; at most {MaxTextLength} are allowed."];
        }

        var query = new QuestionQuery
        {
            Text = text.Trim(),
            Tracks = Vocabulary<Track>(values, "track", errors),
            Levels = Vocabulary<Level>(values, "level", errors),
            Kinds = Vocabulary<Kind>(values, "kind", errors),
            Rounds = Vocabulary<Round>(values, "round", errors),
            Topics = TopicsOf(values, errors),
            MinDifficulty = Number(values, "min_difficulty", 1, 10, errors),
            MaxDifficulty = Number(values, "max_difficulty", 1, 10, errors),
            Sort = Single(values, "sort", errors) is { } sort
                ? Slug.TryParse<QuestionSort>(sort, out var parsed) ? parsed : Invalid(errors, "sort", $"'{sort}' is not a sort order. Valid: {Slug.List<QuestionSort>()}.", QuestionSort.Relevance)
                : QuestionSort.Relevance,
            Page = Number(values, "page", 1, 100_000, errors) ?? 1,
            PageSize = Number(values, "page_size", 1, MaxPageSize, errors) ?? DefaultPageSize,
        };
        if (query.MinDifficulty > query.MaxDifficulty)
        {
            errors["min_difficulty"] = [$"min_difficulty ({query.MinDifficulty}) is above max_difficulty ({query.MaxDifficulty})."];
        }

        return (query, errors);
    }

    /// <summary>The query as URL parameters (only what differs from the defaults), optionally with another page.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToParameters(int? page = null)
    {
        if (Text.Length > 0)
        {
            yield return new("q", Text);
        }

        foreach (var p in Tracks.Select(v => new KeyValuePair<string, string>("track", Slug.Of(v)))
            .Concat(Levels.Select(v => new KeyValuePair<string, string>("level", Slug.Of(v))))
            .Concat(Kinds.Select(v => new KeyValuePair<string, string>("kind", Slug.Of(v))))
            .Concat(Rounds.Select(v => new KeyValuePair<string, string>("round", Slug.Of(v))))
            .Concat(Topics.Select(v => new KeyValuePair<string, string>("topic", v))))
        {
            yield return p;
        }

        if (MinDifficulty is { } min)
        {
            yield return new("min_difficulty", min.ToString(CultureInfo.InvariantCulture));
        }

        if (MaxDifficulty is { } max)
        {
            yield return new("max_difficulty", max.ToString(CultureInfo.InvariantCulture));
        }

        if (Sort != QuestionSort.Relevance)
        {
            yield return new("sort", Slug.Of(Sort));
        }

        if (PageSize != DefaultPageSize)
        {
            yield return new("page_size", PageSize.ToString(CultureInfo.InvariantCulture));
        }

        var target = page ?? Page;
        if (target != 1)
        {
            yield return new("page", target.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The query string (with a leading '?', or empty) for this query, optionally at another page.</summary>
    public string ToQueryString(int? page = null)
    {
        var parts = ToParameters(page).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)).ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static string? Single(Func<string, IReadOnlyList<string>> values, string name, Dictionary<string, string[]> errors)
    {
        var given = values(name).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (given.Count > 1)
        {
            errors[name] = [$"'{name}' was given {given.Count} times; give it once."];
        }

        return given.Count == 0 ? null : given[0].Replace("\0", "", StringComparison.Ordinal);
    }

    private static ImmutableArray<TEnum> Vocabulary<TEnum>(Func<string, IReadOnlyList<string>> values, string name, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        var result = ImmutableArray.CreateBuilder<TEnum>();
        foreach (var value in values(name).SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0))
        {
            if (Slug.TryParse<TEnum>(value, out var parsed))
            {
                if (!result.Contains(parsed))
                {
                    result.Add(parsed);
                }
            }
            else
            {
                errors[name] = [$"'{Shorten(value)}' is not a valid {name.Replace('_', ' ')}. Valid values: {Slug.List<TEnum>()}."];
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<string> TopicsOf(Func<string, IReadOnlyList<string>> values, Dictionary<string, string[]> errors)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var value in values("topic").SelectMany(v => v.Split(',')).Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0))
        {
            if (TopicPattern().IsMatch(value) && value.Length <= 60)
            {
                result.Add(value);
            }
            else
            {
                errors["topic"] = [$"'{Shorten(value)}' is not a topic. Topics are lower-case words joined by hyphens, such as 'regularization' or 'class-imbalance'."];
            }
        }

        return result.ToImmutable();
    }

    private static int? Number(Func<string, IReadOnlyList<string>> values, string name, int min, int max, Dictionary<string, string[]> errors)
    {
        if (Single(values, name, errors) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[name] = [$"'{Shorten(text)}' is not valid for {name}: give a whole number from {min} to {max}."];
        return null;
    }

    private static T Invalid<T>(Dictionary<string, string[]> errors, string name, string message, T fallback)
    {
        errors[name] = [message];
        return fallback;
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex TopicPattern();
}
