using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Storage;

namespace MlPrep.Core.Interviews;

/// <summary>The mock interview tables.</summary>
internal static class InterviewModel
{
    public static void Configure(ModelBuilder model)
    {
        var session = model.Entity<MockSession>();
        session.ToTable("mock_sessions");
        session.HasKey(s => s.Id);
        session.HasIndex(s => new { s.UserId, s.StartedAt });
        session.Property(s => s.UserId).HasMaxLength(64);
        session.Ignore(s => s.Current);
        session.HasMany(s => s.Answers).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);

        var answer = model.Entity<MockAnswer>();
        answer.ToTable("mock_answers");
        answer.HasKey(a => a.Id);
        answer.HasIndex(a => new { a.SessionId, a.Position });
        answer.HasIndex(a => new { a.UserId, a.QuestionId });
        answer.Property(a => a.UserId).HasMaxLength(64);
        answer.Property(a => a.QuestionId).HasMaxLength(32);
        answer.Property(a => a.FollowUpOf).HasMaxLength(32);
        answer.Property(a => a.Section).HasMaxLength(64);
        answer.Property(a => a.Notes).HasMaxLength(20000);
        answer.HasOne<QuestionRecord>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
