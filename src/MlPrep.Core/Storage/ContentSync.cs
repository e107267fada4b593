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
        var existing = await db.Questions.ToDictionaryAsync(q => q.Id, StringComparer.Ordinal, cancellationToken);
        var changed = new List<QuestionRecord>();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var question in bank.Questions)
        {
            if (!existing.Remove(question.Id, out var record))
            {
                record = QuestionRecord.From(question, now);
                db.Questions.Add(record);
                changed.Add(record);
                added++;
            }
            else if (record.ContentHash != question.ContentHash || record.RetiredAt is not null || record.SourcePath != question.SourcePath)
            {
                record.CopyFrom(question);
                record.UpdatedAt = now;
                record.RetiredAt = null;
                changed.Add(record);
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        var retired = existing.Values.Where(r => r.RetiredAt is null).ToList();
        foreach (var record in retired)
        {
            record.RetiredAt = now;
            record.UpdatedAt = now;
        }

        var report = new SyncReport(added, updated, retired.Count, unchanged);
        if (!report.ChangedAnything)
        {
            return report;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.ReindexAsync(changed, [.. retired.Select(r => r.Id)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return report;
    }
}
