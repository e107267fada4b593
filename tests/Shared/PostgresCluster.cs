using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MlPrep.Tests.Shared;

/// <summary>A throwaway PostgreSQL cluster on 127.0.0.1, started once per test run in the run's scratch folder (<see cref="TestScratch"/>) and removed at exit.</summary>
/// <remarks>initdb refuses to run as root, so on a root machine the cluster belongs to the postgres user
/// and lives under /tmp (../shared/PLATFORM.md). Tests that need it use <see cref="PostgresFactAttribute"/>:
/// they skip on a developer machine without PostgreSQL, and fail when CI=true.</remarks>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster?> Shared = new(Start);
    private static int _databases;

    private PostgresCluster(int port) => Port = port;

    public int Port { get; }

    public static string? BinDirectory { get; } = FindBin();

    /// <summary>Why PostgreSQL is not usable here, or null when it is.</summary>
    public static string? Unavailable => BinDirectory is null ? "PostgreSQL server binaries (initdb, pg_ctl) are not installed" : null;

    /// <summary>The running cluster; throws with the reason when it cannot start.</summary>
    public static PostgresCluster Instance => Shared.Value ?? throw new InvalidOperationException("PostgreSQL could not be started: " + (Unavailable ?? StartError));

    private static string StartError { get; set; } = "";

    /// <summary>A connection string to a new, empty database on the cluster.</summary>
    public string NewDatabase()
    {
        var name = $"mlprep_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        Run(Path.Combine(BinDirectory!, "createdb"), $"-h 127.0.0.1 -p {Port} -U postgres {name}");
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Pooling=false";
    }

    private static string? FindBin()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        foreach (var dir in versions.OrderDescending())
        {
            var bin = Path.Combine(dir, "bin");
            if (File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            {
                return bin;
            }
        }

        return null;
    }

    private static PostgresCluster? Start()
    {
        if (BinDirectory is null)
        {
            return null;
        }

        try
        {
            var asRoot = Environment.UserName == "root";
            var root = TestScratch.NewFolder("pg");
            var data = Path.Combine(root, "data");
            if (asRoot)
            {
                Run("chown", $"postgres {root}");
            }

            var port = FreePort();
            RunAs(asRoot, Path.Combine(BinDirectory, "initdb"), $"-D {data} -U postgres --auth=trust --no-sync -E UTF8 --locale=C");
            RunAs(asRoot, Path.Combine(BinDirectory, "pg_ctl"),
                $"-D {data} -l {Path.Combine(root, "log.txt")} -w -o \"-c listen_addresses=127.0.0.1 -p {port} -c fsync=off -c full_page_writes=off -c synchronous_commit=off -k {root}\" start");
            return new PostgresCluster(port);
        }
        catch (InvalidOperationException e)
        {
            StartError = e.Message;
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server of every cluster under a scratch folder (this process's at exit, or one left by a process that died), before the folder is deleted.</summary>
    internal static void StopClustersIn(string scratch)
    {
        if (BinDirectory is null)
        {
            return;
        }

        foreach (var cluster in Directory.GetDirectories(scratch, "pg-*").Where(c => File.Exists(Path.Combine(c, "data", "postmaster.pid"))))
        {
            try
            {
                RunAs(Environment.UserName == "root", Path.Combine(BinDirectory, "pg_ctl"), $"-D {Path.Combine(cluster, "data")} -m immediate stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }
    }

    private static void RunAs(bool asRoot, string file, string arguments)
    {
        if (asRoot)
        {
            Run("runuser", $"-u postgres -- {file} {arguments}");
        }
        else
        {
            Run(file, arguments);
        }
    }

    private static void Run(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {arguments} failed ({process.ExitCode}): {error.Result}");
        }
    }
}

/// <summary>A test that needs PostgreSQL: skipped where it is not installed, unless CI=true, where it must run (and fails).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresCluster.Unavailable is { } reason && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = reason + " (set CI=true to make this a failure)";
        }
    }
}

/// <summary>A theory that needs PostgreSQL: skipped where it is not installed, unless CI=true.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresCluster.Unavailable is { } reason && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = reason + " (set CI=true to make this a failure)";
        }
    }
}
