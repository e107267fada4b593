using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;

namespace MlPrep.Core.Storage;

/// <summary>What one sync changed.</summary>
public sealed record SyncReport(int Added, int Updated, int Retired, int Unchanged)
{
    public bool ChangedAnything => Added + Updated + Retired > 0;

    public override string ToString() => $"{Added} added, {Updated} updated, {Retired} retired, {Unchanged} unchanged";
}

/// <summary>Brings the database in line with the content folder.</summary>
/// <remarks>Idempotent by content hash: a start with unchanged content reads but writes nothing. A
/// question whose file disappeared is retired, never deleted, so reviews and interview answers that
/// users recorded against it stay valid; if the file comes back, the question is active again.</remarks>
public sealed class ContentSync(MlPrepDb db, TimeProvider time)
{
    public async Task<SyncReport> SyncAsync(ContentBank bank, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();

        // Compare on the few columns that say whether a row changed; whole rows (with their long text)
        // are loaded only for the questions that did, so a start with unchanged content stays cheap.
        var states = await db.Questions.AsNoTracking()
            .Select(q => new { q.Id, q.ContentHash, q.SourcePath, Retired = q.RetiredAt != null })
            .ToDictionaryAsync(q => q.Id, StringComparer.Ordinal, cancellationToken);
        var version = QuestionRecord.SearchTextVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stamp = await db.Set<AppMeta>().FirstOrDefaultAsync(m => m.Key == AppMeta.SearchTextVersionKey, cancellationToken);
        var reindexAll = stamp?.Value != version;
        var toAdd = new List<Question>();
        var toUpdate = new Dictionary<string, Question>(StringComparer.Ordinal);
        var unchanged = 0;
        foreach (var question in bank.Questions)
        {
            if (!states.Remove(question.Id, out var state))
            {
                toAdd.Add(question);
            }
            else if (reindexAll || state.ContentHash != question.ContentHash || state.Retired || state.SourcePath != question.SourcePath)
            {
                toUpdate[question.Id] = question;
            }
            else
            {
                unchanged++;
            }
        }

        var toRetire = states.Values.Where(s => !s.Retired).Select(s => s.Id).ToList();
        if (toAdd.Count + toUpdate.Count + toRetire.Count == 0 && !reindexAll)
        {
            // Nothing to sync; the search structures are built once if missing (a database from before
            // they existed) or when the thesaurus changed, and otherwise left as they are.
            await using var refresh = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.RefreshSearchAsync(bank.Thesaurus, cancellationToken);
            await refresh.CommitAsync(cancellationToken);
            return new SyncReport(0, 0, 0, unchanged);
        }

        // The index was built by other code (or by a version before the stamp existed): rebuild every row's search text.
        if (stamp is null)
        {
            db.Add(new AppMeta { Key = AppMeta.SearchTextVersionKey, Value = version });
        }
        else
        {
            stamp.Value = version;
        }

        // A new question's searchable text comes from parsing its Markdown again, most of a first sync's
        // work: spread it over the cores (Markdig pipelines may be shared between threads).
        var changed = toAdd.AsParallel().AsOrdered().Select(question => QuestionRecord.From(question, now)).ToList();
        db.Questions.AddRange(changed);

        var loadIds = toUpdate.Keys.Concat(toRetire).ToList();
        var loaded = loadIds.Count == 0 ? [] : await db.Questions.Where(q => loadIds.Contains(q.Id)).ToListAsync(cancellationToken);
        var retired = new List<QuestionRecord>();
        foreach (var record in loaded)
        {
            if (toUpdate.TryGetValue(record.Id, out var question))
            {
                record.CopyFrom(question);
                record.UpdatedAt = now;
                record.RetiredAt = null;
                changed.Add(record);
            }
            else
            {
                record.RetiredAt = now;
                record.UpdatedAt = now;
                retired.Add(record);
            }
        }

        var added = toAdd.Count;
        var updated = toUpdate.Count;
        var report = new SyncReport(added, updated, retired.Count, unchanged);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.ReindexAsync(changed, [.. retired.Select(r => r.Id)], cancellationToken);
        await db.RefreshSearchAsync(bank.Thesaurus, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return report;
    }
}
