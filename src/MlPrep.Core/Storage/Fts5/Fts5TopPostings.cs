using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MlPrep.Core.Content;
using MlPrep.Core.Search;

namespace MlPrep.Core.Storage.Fts5;

/// <summary>Precomputed best matches ("champion lists") for every word that matches more questions than
/// <see cref="SearchTuning.ExhaustiveLimit"/> and every multi-word thesaurus phrase, so a search over a large bank ranks a
/// few thousand candidates instead of scoring every match.</summary>
/// <remarks>
/// <para>FTS5's <c>bm25()</c> is a sum over the query's phrases, each phrase contributing
/// <c>idf × saturated term frequency</c> for the question. <c>search_lists</c> keeps, for each frequent
/// word (the index's own stemmed token) and each thesaurus phrase, the
/// <see cref="SearchTuning.Depth"/> questions where that contribution is highest, with the contribution
/// itself, packed into one row per list (see <see cref="ListEntries"/>): a search reads one row per phrase
/// instead of a row per candidate. A search adds up the contributions of its phrases per question. Lists are used only for a search in which some phrase is in more questions than a list holds; a question
/// outside every list then cannot appear, and one that is in some lists but not all is ranked by the
/// contributions that are known.</para>
/// <para>Questions indexed after the lists were built (their index rows are numbered above
/// <c>search_top_built_through</c>) are scored directly on every search, and their older entries are
/// ignored, so an edited question is found as it is now. Retired questions are dropped by the caller,
/// which only keeps questions in the loaded bank.</para>
/// </remarks>
internal static class Fts5TopPostings
{
    internal const string BuiltThroughKey = "search_top_built_through";
    internal const string StampKey = "search_top_stamp";
    private const string Bm25 = SqliteMlPrepDb.Bm25;

    /// <summary>Bump when the way lists are built changes: the next sync rebuilds them.</summary>
    private const int Version = 5;

    /// <summary>Builds the lists when they are missing, built for another thesaurus or tuning, or too many questions changed since.</summary>
    /// <returns>True when the lists were rebuilt.</returns>
    public static async Task<bool> RefreshAsync(DbConnection connection, DbTransaction? transaction, Thesaurus thesaurus, SearchTuning tuning, bool force, CancellationToken cancellationToken)
    {
        var stamp = Stamp(thesaurus, tuning);
        var builtThrough = await MetaAsync(connection, transaction, BuiltThroughKey, cancellationToken);
        if (!force && builtThrough is not null && await MetaAsync(connection, transaction, StampKey, cancellationToken) == stamp)
        {
            var changed = await ScalarAsync(connection, transaction, "SELECT count(*) FROM question_search WHERE rowid > $b", cancellationToken, ("$b", long.Parse(builtThrough, CultureInfo.InvariantCulture)));
            if (changed <= tuning.RebuildAfter)
            {
                return false;
            }
        }

        await ExecuteAsync(connection, transaction, "DELETE FROM search_lists", cancellationToken);
        var maxDoc = await ScalarAsync(connection, transaction, "SELECT coalesce((SELECT rowid FROM question_search ORDER BY rowid DESC LIMIT 1), 0)", cancellationToken);

        // A bank no larger than a list never uses the lists (see RankAsync): skip the work.
        var questions = await ScalarAsync(connection, transaction, "SELECT count(*) FROM question_search", cancellationToken);
        if (questions <= tuning.Depth)
        {
            await SetMetaAsync(connection, transaction, BuiltThroughKey, maxDoc.ToString(CultureInfo.InvariantCulture), cancellationToken);
            await SetMetaAsync(connection, transaction, StampKey, stamp, cancellationToken);
            return true;
        }

        // Every stemmed word in more questions than the limit. FTS5 stems query words too, so each list is
        // built from a word that stems to the token ("embed" itself stems to "emb"; "embedding" gives "embed").
        // A token no such word is found for gets no list, and searches for it are ranked exactly.
        var frequent = new List<(string Token, long Docs)>();
        await using (var command = Command(connection, transaction, "SELECT term, doc FROM question_search_vocab WHERE doc > $limit", ("$limit", tuning.ExhaustiveLimit)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                frequent.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (token, docs) in frequent)
        {
            if (SurfaceOf(token) is { } word && keys.Add(token))
            {
                await AddListAsync(connection, transaction, token, $"\"{word}\"", docs, tuning, cancellationToken);
            }
        }

        foreach (var phrase in thesaurus.Groups.SelectMany(g => g).Select(t => string.Join(' ', SearchTerms.Words(t))).Distinct(StringComparer.Ordinal))
        {
            var key = Fts5Tokenizer.KeyOf(phrase);
            if (key.Length == 0 || !keys.Add(key))
            {
                continue;
            }

            // Every thesaurus phrase gets a list, however rare, even an empty one. A search for one word brings
            // in all its synonyms ("gradient boosting" is eight phrases), and reading a list costs less than a
            // query per synonym (a query costs about 0.1 ms even when nothing matches); matching a multi-word
            // phrase also compares the positions of its words in every question that holds them all, which
            // for common words ("gradient boosted decision trees") costs milliseconds even when few match.
            var docs = await ScalarAsync(connection, transaction, "SELECT count(*) FROM question_search WHERE question_search MATCH $m", cancellationToken, ("$m", $"\"{phrase}\""));
            await AddListAsync(connection, transaction, key, $"\"{phrase}\"", docs, tuning, cancellationToken);
        }

        await SetMetaAsync(connection, transaction, BuiltThroughKey, maxDoc.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await SetMetaAsync(connection, transaction, StampKey, stamp, cancellationToken);
        return true;
    }

    /// <summary>The first row number to give a newly indexed question: above every row the lists may point at, so a row number is never reused for another question.</summary>
    public static async Task<long> NextDocAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var builtThrough = await MetaAsync(connection, transaction, BuiltThroughKey, cancellationToken);
        var max = await ScalarAsync(connection, transaction, "SELECT coalesce((SELECT rowid FROM question_search ORDER BY rowid DESC LIMIT 1), 0)", cancellationToken);
        return Math.Max(max, builtThrough is null ? 0 : long.Parse(builtThrough, CultureInfo.InvariantCulture)) + 1;
    }

    /// <summary>Ranks a search from the lists, or returns null when no phrase of it is in more questions than a list holds (exact ranking is then as cheap, and exact) or the lists cannot answer it.</summary>
    /// <remarks><c>needed</c> is how many results the caller needs (the end of the requested page). Each list
    /// is read to three times that (at least 60) entries that pass the filter, or whole when the filter has
    /// parts the lists do not record (rounds, topics), which the caller applies afterwards.</remarks>
    public static async Task<TopRanking?> RankAsync(DbConnection connection, SearchTerms terms, int needed, QuestionQuery? filter, SearchTuning tuning, CancellationToken cancellationToken)
    {
        if (needed > tuning.Depth || terms.Groups.Length > 30)
        {
            return null;
        }

        // Track, level, kind and difficulty are recorded in the lists and filtered as they are read; rounds and
        // topics are not, so those filters need whole lists, filtered by the caller.
        var deep = filter is { HasFilters: true } && (!filter.Rounds.IsEmpty || !filter.Topics.IsEmpty);
        var depth = deep ? tuning.Depth : Math.Min(Math.Max(needed * 3, 60), tuning.Depth);

        // First what each group's phrases are, and which of them have lists.
        var groups = new List<List<(string Key, string Match, bool Prefix)>>();
        foreach (var g in terms.Groups)
        {
            var sources = new List<(string Key, string Match, bool Prefix)>();
            groups.Add(sources);
            foreach (var phrase in g.Phrases.Where(p => !g.Prefix || p != g.Phrases[0]))
            {
                sources.Add((Fts5Tokenizer.KeyOf(phrase), $"\"{phrase}\"", false));
            }

            foreach (var prefix in g.Prefixes)
            {
                // A word being typed. FTS5 stems the prefix too ("calibration"* matches every token starting
                // with "calibr"), so the frequent tokens starting with its stem stand in for it; when there are
                // none, its matches are few enough to score directly. A phrase whose last word is being typed
                // ("gradient boosting"*) stands for the whole phrase's list, or is scored directly.
                var prefixTokens = Fts5Tokenizer.TokensOf(prefix);
                if (prefixTokens.Length != 1)
                {
                    sources.Add((string.Join(' ', prefixTokens), $"\"{prefix}\"*", true));
                    continue;
                }

                var completions = new List<string>();
                await using (var command = Command(connection, null, "SELECT token FROM search_lists WHERE token >= $p AND token < $q AND instr(token, ' ') = 0", ("$p", prefixTokens[0]), ("$q", prefixTokens[0] + '\uffff')))
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        completions.Add(reader.GetString(0));
                    }
                }

                sources.AddRange(completions.Count == 0 ? [("", $"\"{prefix}\"*", true)] : completions.Select(c => (c, "", true)));
            }
        }

        // Every list the search names, in one read.
        var listed = new Dictionary<string, (long Docs, byte[] Entries)>(StringComparer.Ordinal);
        var keys = System.Text.Json.JsonSerializer.Serialize(groups.SelectMany(g => g).Select(x => x.Key).Where(k => k.Length > 0).Distinct());
        await using (var command = Command(connection, null, "SELECT token, docs, entries FROM search_lists WHERE token IN (SELECT value FROM json_each($k))", ("$k", keys)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                listed[reader.GetString(0)] = (reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
            }
        }

        // Unless some phrase matches more questions than a list holds, exact ranking costs no more than the
        // lists would and is exact: a bank of the real size never goes past here.
        if (listed.Count == 0 || listed.Values.Max(l => l.Docs) <= tuning.Depth)
        {
            return null;
        }

        var found = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        long estimate = 0;
        var listGroups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var group = 0; group < groups.Count; group++)
        {
            // Once a group has a list, a form of a word being typed that has none ("gradient boos"*, the
            // shortened twin of "gradient boosting"*) is left out unread.
            var sources = groups[group];
            var groupHasList = sources.Any(x => listed.ContainsKey(x.Key));
            foreach (var (key, match, prefix) in sources.Distinct())
            {
                if (listed.ContainsKey(key))
                {
                    (listGroups.TryGetValue(key, out var inGroups) ? inGroups : listGroups[key] = []).Add(group);
                }
                else if (match.Length > 0 && !(prefix && groupHasList))
                {
                    // Few enough matches to score them all (otherwise the phrase would have a list); a phrase
                    // outside the thesaurus that matches many questions is left to exact ranking.
                    var read = await AddRowsAsync(connection, found, [group], tuning.ExhaustiveLimit, cancellationToken,
                        $"SELECT -{Bm25}, question_id FROM question_search WHERE question_search MATCH $m LIMIT $n", ("$m", match), ("$n", tuning.ExhaustiveLimit + 1));
                    if (read > tuning.ExhaustiveLimit)
                    {
                        return null;
                    }

                    estimate = Math.Max(estimate, read);
                }
            }
        }

        // Each list to the depth this page needs: some phrase matches more questions than its list holds, so
        // the result is an approximation whatever else is read.
        foreach (var (key, inGroups) in listGroups)
        {
            var taken = 0;
            foreach (var entry in new ListEntries(listed[key].Entries))
            {
                if (taken == depth)
                {
                    break;
                }

                if (filter is null || filter.AcceptsValues(entry.Track, entry.Level, entry.Kind, entry.Difficulty))
                {
                    taken++;
                    Add(found, entry.QuestionId, entry.Score, inGroups);
                }
            }

            estimate = Math.Max(estimate, listed[key].Docs);
        }

        await RescoreChangedAsync(connection, terms, found, cancellationToken);
        var everyGroup = (1L << terms.Groups.Length) - 1;
        var ranked = found.Select(f => new RankedDoc(f.Key, f.Value.Groups == everyGroup ? 0 : 1, f.Value.Score)).ToArray();
        Array.Sort(ranked, static (a, b) => a.Tier != b.Tier ? a.Tier.CompareTo(b.Tier)
            : a.Score != b.Score ? b.Score.CompareTo(a.Score)
            : string.CompareOrdinal(a.QuestionId, b.QuestionId));
        return new TopRanking(ranked, (int)Math.Max(estimate, ranked.Length));
    }

    /// <summary>Questions indexed since the lists were built: their old entries are dropped and they are scored as they are now.</summary>
    private static async Task RescoreChangedAsync(DbConnection connection, SearchTerms terms, Dictionary<string, Candidate> found, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        long first = long.MaxValue;
        await using (var command = Command(connection, null,
            "SELECT question_id, rowid FROM question_search WHERE rowid > CAST((SELECT value FROM app_meta WHERE key = $k) AS INTEGER)", ("$k", BuiltThroughKey)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                changed.Add(reader.GetString(0));
                first = Math.Min(first, reader.GetInt64(1));
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        foreach (var id in changed)
        {
            found.Remove(id);
        }

        var everyGroup = (1L << terms.Groups.Length) - 1;
        var all = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = Command(connection, null, "SELECT question_id FROM question_search WHERE question_search MATCH $m AND rowid >= $b", ("$m", terms.ToFts5(requireAll: true)), ("$b", first)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                all.Add(reader.GetString(0));
            }
        }

        await using (var command = Command(connection, null, $"SELECT -{Bm25}, question_id FROM question_search WHERE question_search MATCH $m AND rowid >= $b", ("$m", terms.ToFts5(requireAll: false)), ("$b", first)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(1);
                found[id] = new Candidate { Score = reader.GetDouble(0), Groups = all.Contains(id) ? everyGroup : 0 };
            }
        }
    }

    /// <summary>Adds each row's contribution to its question; a read that returns more than <paramref name="limit"/> rows adds nothing.</summary>
    private static async Task<int> AddRowsAsync(DbConnection connection, Dictionary<string, Candidate> found, List<int> groups, int limit, CancellationToken cancellationToken, string sql, params (string Name, object Value)[] values)
    {
        var rows = new List<(double Score, string Id)>();
        await using (var command = Command(connection, null, sql, values))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetDouble(0), reader.GetString(1)));
            }
        }

        if (rows.Count <= limit)
        {
            foreach (var (score, id) in rows)
            {
                Add(found, id, score, groups);
            }
        }

        return rows.Count;
    }

    /// <summary>Adds one phrase's contribution to a question, once for each group the phrase stands in.</summary>
    private static void Add(Dictionary<string, Candidate> found, string id, double score, List<int> groups)
    {
        if (!found.TryGetValue(id, out var candidate))
        {
            found[id] = candidate = new Candidate();
        }

        foreach (var group in groups)
        {
            candidate.Score += score;
            candidate.Groups |= 1L << group;
        }
    }

    private static async Task AddListAsync(DbConnection connection, DbTransaction? transaction, string key, string match, long docs, SearchTuning tuning, CancellationToken cancellationToken)
    {
        var entries = new ListEntries.Writer();
        await using (var read = Command(connection, transaction,
            "SELECT m.score, m.question_id, q.track, q.level, q.kind, q.difficulty FROM " +
            $"(SELECT -{Bm25} AS score, rowid AS doc, question_id FROM question_search WHERE question_search MATCH $m ORDER BY {Bm25}, rowid LIMIT $n) m " +
            "JOIN questions q ON q.id = m.question_id ORDER BY m.score DESC, m.doc",
            ("$m", match), ("$n", tuning.Depth)))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(reader.GetDouble(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5));
            }
        }

        await using var insert = Command(connection, transaction, "INSERT INTO search_lists (token, docs, entries) VALUES ($k, $d, $e)",
            ("$k", key), ("$d", docs), ("$e", entries.ToArray()));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static readonly string[] Endings = ["", "s", "e", "es", "ed", "ing", "y", "ies", "er", "ers", "ion", "ions", "ation", "ations", "al", "ally", "ity", "ize", "ized", "ment", "ness", "ive"];

    /// <summary>A word that the tokenizer turns into exactly this token, or null.</summary>
    private static string? SurfaceOf(string token)
    {
        foreach (var ending in Endings)
        {
            foreach (var word in (string[])[token + ending, token + token[^1] + ending])
            {
                if (Fts5Tokenizer.TokensOf(word) is [var only] && only == token)
                {
                    return word;
                }
            }
        }

        return null;
    }

    /// <summary>What the lists depend on besides the index: the thesaurus phrases and the tuning.</summary>
    private static string Stamp(Thesaurus thesaurus, SearchTuning tuning)
    {
        var text = new StringBuilder($"v{Version}/{tuning.ExhaustiveLimit}/{tuning.Depth}/{SqliteMlPrepDb.Bm25}");
        foreach (var phrase in thesaurus.Groups.SelectMany(g => g).Order(StringComparer.Ordinal))
        {
            text.Append('\n').Append(phrase);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static async Task<string?> MetaAsync(DbConnection connection, DbTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT value FROM app_meta WHERE key = $k", ("$k", key));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task SetMetaAsync(DbConnection connection, DbTransaction? transaction, string key, string value, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "INSERT INTO app_meta (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("$k", key), ("$v", value));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] values)
    {
        await using var command = Command(connection, transaction, sql, values);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }


    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private sealed class Candidate
    {
        public double Score { get; set; }
        public long Groups { get; set; }
    }
}
