using Microsoft.EntityFrameworkCore;
using MlPrep.Core.Content;
using MlPrep.Core.Practice;
using MlPrep.Core.Practice.Fsrs;
using MlPrep.Core.Storage;

namespace MlPrep.Core.Interviews;

/// <summary>Runs mock interviews: start, the per-question clock, done and reveal, self-grading with follow-ups, the report.</summary>
/// <remarks>Every step is written to the database at once, so a session survives a reload, a closed browser or a
/// restart and resumes where it stopped, clock included (a running clock keeps counting while the page is closed,
/// as it would in a real interview; pause it to stop it).</remarks>
public sealed class MockService(MlPrepDb db, ContentBank bank, TimeProvider time)
{
    /// <summary>Plans and saves a new interview; its first clock starts now. <c>minutes</c> overrides the time per
    /// question (a design question's stages share it in proportion to their time boxes); <c>seed</c> fixes the choice of questions.</summary>
    public async Task<MockSession> StartAsync(string userId, MockRound round, Track? track, Level? level, int? seed = null, int? minutes = null, CancellationToken cancellationToken = default)
    {
        var recent = (await db.Set<MockAnswer>().AsNoTracking().Where(a => a.UserId == userId).OrderByDescending(a => a.Id).Take(200)
            .Select(a => a.QuestionId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var plan = new MockPlanner(bank, seed is { } s ? new Random(s) : Random.Shared).Plan(round, track, level, recent);
        if (minutes is > 0 and var perQuestion)
        {
            plan = [.. plan.GroupBy(p => p.QuestionId).SelectMany(g =>
            {
                var total = g.Sum(p => p.Minutes);
                return g.Select(p => p with { Minutes = Math.Max(1, (int)Math.Round(perQuestion * (double)p.Minutes / total)) });
            })];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var session = new MockSession { UserId = userId, Round = round, Track = track, Level = level, StartedAt = now };
        for (var i = 0; i < plan.Count; i++)
        {
            var question = bank.Find(plan[i].QuestionId)!;
            var last = i == plan.Count - 1 || plan[i + 1].QuestionId != plan[i].QuestionId;
            session.Answers.Add(new MockAnswer
            {
                UserId = userId,
                Position = i,
                QuestionId = question.Id,
                Section = plan[i].Section,
                TimeBoxSeconds = plan[i].Minutes * 60,
                KeyPointsTotal = last ? question.KeyPoints.Length : 0,
                RunningSince = i == 0 ? now : null,
            });
        }

        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    public async Task<MockSession?> GetAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        var session = await db.Set<MockSession>().Include(s => s.Answers).FirstOrDefaultAsync(s => s.UserId == userId && s.Id == id, cancellationToken);
        session?.Answers.Sort((a, b) => a.Position.CompareTo(b.Position));
        return session;
    }

    public Task<List<MockSession>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<MockSession>().AsNoTracking().Include(s => s.Answers).Where(s => s.UserId == userId).OrderByDescending(s => s.StartedAt).ToListAsync(cancellationToken);

    /// <summary>Pauses or resumes the current answer's clock.</summary>
    public async Task<bool> SetClockAsync(string userId, long sessionId, bool running, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(userId, sessionId, cancellationToken) is not { IsFinished: false, Current: { DoneAt: null } current })
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (!running && current.RunningSince is not null)
        {
            current.ElapsedSeconds = current.SecondsSpent(now);
            current.RunningSince = null;
        }
        else if (running && current.RunningSince is null)
        {
            current.RunningSince = now.UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The user is done with the current answer: the clock stops, notes are kept, the model answer is revealed.</summary>
    public async Task<bool> DoneAsync(string userId, long sessionId, string? notes, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(userId, sessionId, cancellationToken) is not { IsFinished: false, Current: { DoneAt: null } current })
        {
            return false;
        }

        var now = time.GetUtcNow();
        current.ElapsedSeconds = current.SecondsSpent(now);
        current.RunningSince = null;
        current.DoneAt = now.UtcDateTime;
        current.Notes = (notes ?? "").Length > 20000 ? notes![..20000] : notes ?? "";
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Self-grades the revealed answer; a strong answer (3 or 4) in a depth round brings the next follow-up on the ladder.</summary>
    /// <returns>Null when accepted, otherwise why not.</returns>
    public async Task<string?> ScoreAsync(string userId, long sessionId, int score, IReadOnlyList<int> ticked, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(userId, sessionId, cancellationToken) is not { IsFinished: false, Current: { } current } session)
        {
            return "This interview has no answer waiting for a grade.";
        }

        if (current.DoneAt is null)
        {
            return "Say you are done first: the model answer is revealed before grading.";
        }

        if (score is < 1 or > 4)
        {
            return "The score must be 1 (missed it), 2 (partial), 3 (good) or 4 (strong).";
        }

        if (ticked.Any(i => i < 0 || i >= current.KeyPointsTotal))
        {
            return $"Key point numbers must be between 1 and {current.KeyPointsTotal}.";
        }

        var now = time.GetUtcNow().UtcDateTime;
        current.Score = score;
        current.KeyPointsTicked = [.. ticked.Distinct().Order()];
        current.CompletedAt = now;
        if (score >= 3 && current.Section == MockRound.MlDepth.Slug() && bank.Find(current.QuestionId) is { } answered)
        {
            var depthMinutes = session.Answers.Where(a => a.Section == current.Section).Sum(a => a.TimeBoxSeconds) / 60;
            var asked = session.Answers.Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal);
            if (depthMinutes + 5 <= MockPlanner.DepthMinutes && new MockPlanner(bank, Random.Shared).FollowUp(answered, asked) is { } followUp)
            {
                foreach (var later in session.Answers.Where(a => a.Position > current.Position))
                {
                    later.Position++;
                }

                session.Answers.Add(new MockAnswer
                {
                    UserId = userId,
                    SessionId = session.Id,
                    Position = current.Position + 1,
                    QuestionId = followUp.Id,
                    Section = current.Section,
                    FollowUpOf = current.QuestionId,
                    TimeBoxSeconds = 5 * 60,
                    KeyPointsTotal = followUp.KeyPoints.Length,
                });
            }
        }

        var next = session.Answers.Where(a => a.CompletedAt is null && a != current).OrderBy(a => a.Position).FirstOrDefault();
        if (next is null)
        {
            session.EndedAt = now;
        }
        else
        {
            next.RunningSince ??= now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Ends the interview early; unanswered questions stay unanswered in the report.</summary>
    public async Task<bool> EndAsync(string userId, long sessionId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(userId, sessionId, cancellationToken) is not { IsFinished: false } session)
        {
            return false;
        }

        var now = time.GetUtcNow();
        foreach (var running in session.Answers.Where(a => a.RunningSince is not null))
        {
            running.ElapsedSeconds = running.SecondsSpent(now);
            running.RunningSince = null;
        }

        session.EndedAt = now.UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Puts the questions answered weakly (score 1-2, or key points missed) at the front of the review queue.</summary>
    public async Task<int> QueueMissedAsync(string userId, long sessionId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(userId, sessionId, cancellationToken) is not { } session)
        {
            return 0;
        }

        var report = MockReport.From(session, bank, time.GetUtcNow());
        var now = time.GetUtcNow().UtcDateTime;
        var ids = report.Missed.Select(m => m.QuestionId).Distinct().ToList();
        var cards = await db.ReviewCards.Where(c => c.UserId == userId && ids.Contains(c.QuestionId)).ToDictionaryAsync(c => c.QuestionId, cancellationToken);
        foreach (var id in ids)
        {
            if (!cards.TryGetValue(id, out var card))
            {
                card = new ReviewCard { UserId = userId, QuestionId = id, Due = now };
                db.ReviewCards.Add(card);
            }

            card.QueuedAt = now;
            card.Suspended = false;
            card.BuriedUntil = null;
            if (card.State != CardState.New && card.Due > now)
            {
                card.Due = now;
            }

            card.Version++;
            card.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ids.Count;
    }
}
