using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Storage;

namespace MlPrep.Core.Practice;

/// <summary>The practice tables: cards, the review log, decks and settings.</summary>
internal static class PracticeModel
{
    public static void Configure(ModelBuilder model)
    {
        var card = model.Entity<ReviewCard>();
        card.ToTable("review_cards");
        card.HasKey(c => new { c.UserId, c.QuestionId });
        card.HasIndex(c => new { c.UserId, c.Due });
        card.Property(c => c.Version).IsConcurrencyToken();
        card.HasOne<QuestionRecord>().WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Restrict);

        var log = model.Entity<ReviewLog>();
        log.ToTable("review_logs");
        log.HasKey(l => l.Id);
        // undone_at rides along so per-day counts read the index alone.
        log.HasIndex(l => new { l.UserId, l.ReviewedAt, l.UndoneAt });
        log.HasIndex(l => new { l.UserId, l.QuestionId });
        log.HasOne<QuestionRecord>().WithMany().HasForeignKey(l => l.QuestionId).OnDelete(DeleteBehavior.Restrict);

        var deck = model.Entity<Deck>();
        deck.ToTable("decks");
        deck.HasKey(d => d.Id);
        deck.HasIndex(d => new { d.UserId, d.Name }).IsUnique();
        deck.Property(d => d.Name).HasMaxLength(100);
        deck.Property(d => d.Filter).HasMaxLength(2000);

        var settings = model.Entity<PracticeSettings>();
        settings.ToTable("practice_settings");
        settings.HasKey(s => s.UserId);
        settings.Property(s => s.LearningSteps).HasMaxLength(200);
        settings.Property(s => s.RelearningSteps).HasMaxLength(200);

        foreach (var entity in new[] { card.Metadata, log.Metadata, deck.Metadata, settings.Metadata })
        {
            entity.FindProperty("UserId")?.SetMaxLength(64);
            entity.FindProperty("QuestionId")?.SetMaxLength(32);
        }
    }
}
