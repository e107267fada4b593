using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MlPrep.Core.Storage.Fts5;

/// <summary>Turns text into the tokens the search index stores ("Regularization" becomes "regular"), using
/// FTS5's own tokenizer on a private in-memory database, so the result is exactly what the index holds.</summary>
/// <remarks>Used to find a query word's precomputed best matches and to highlight words in snippets. Each
/// distinct word is tokenized once and remembered (the vocabulary of a question bank is finite; the
/// memory is capped all the same).</remarks>
public static class Fts5Tokenizer
{
    /// <summary>The tokenizer of the <c>question_search</c> table (see the Initial migration).</summary>
    public const string Tokenize = "porter unicode61 remove_diacritics 2";

    private const int MaxRemembered = 200_000;

    private static readonly ConcurrentDictionary<string, string[]> Remembered = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static SqliteConnection? _connection;

    private static readonly ConcurrentDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> RememberedBySpan =
        Remembered.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The tokens of a word, without allocating when the word was seen before.</summary>
    public static string[] TokensOf(ReadOnlySpan<char> word) =>
        RememberedBySpan.TryGetValue(word, out var tokens) ? tokens : TokensOf(word.ToString());

    /// <summary>The tokens of the text, in order.</summary>
    public static string[] TokensOf(string text)
    {
        if (Remembered.TryGetValue(text, out var tokens))
        {
            return tokens;
        }

        lock (Gate)
        {
            var connection = _connection ??= Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t(rowid, x) VALUES (1, $x)";
            insert.Parameters.AddWithValue("$x", text);
            insert.ExecuteNonQuery();
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT term FROM t_instance ORDER BY offset";
            var list = new List<string>();
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    list.Add(reader.GetString(0));
                }
            }

            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM t";
            delete.ExecuteNonQuery();
            tokens = [.. list];
        }

        if (Remembered.Count < MaxRemembered)
        {
            Remembered.TryAdd(text, tokens);
        }

        return tokens;
    }

    /// <summary>The tokens of a phrase joined by single spaces: the key under which its best matches are kept.</summary>
    public static string KeyOf(string phrase) => string.Join(' ', TokensOf(phrase));

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText =
            $"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '{Tokenize}'); " +
            "CREATE VIRTUAL TABLE t_instance USING fts5vocab(t, 'instance');";
        create.ExecuteNonQuery();
        return connection;
    }
}
