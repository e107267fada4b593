namespace MlPrep.Tests.Shared;

/// <summary>One scratch folder per test process (<c>/tmp/mlprep-tests-PID</c>) for databases and clusters,
/// removed when the process exits; folders left by test processes that died are removed on the next run.</summary>
/// <remarks>A test host killed mid-run never runs its exit handlers. Before this folder existed, every run
/// left its SQLite databases (about 30 MB each) and its PostgreSQL cluster (up to 2 GB) under /tmp, and a
/// day of runs filled the disk.</remarks>
public static class TestScratch
{
    private const string Prefix = "mlprep-tests-";

    private static readonly Lazy<string> Root = new(Create);

    /// <summary>A new, empty folder under this process's scratch folder.</summary>
    public static string NewFolder(string name)
    {
        var folder = Path.Combine(Root.Value, $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Create()
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(stale)[Prefix.Length..], out var pid) && !Directory.Exists($"/proc/{pid}"))
            {
                try
                {
                    PostgresCluster.StopClustersIn(stale); // its server outlived the process that started it
                    Directory.Delete(stale, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    // Best effort: another run may be removing it too.
                }
            }
        }

        var root = Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId);
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                PostgresCluster.StopClustersIn(root);
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Best effort; the next run sweeps it.
            }
        };
        return root;
    }
}
