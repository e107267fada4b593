using MlPrep.Core.Storage;

namespace MlPrep.Tests.Shared;

/// <summary>Fresh databases for tests, on SQLite always and on PostgreSQL where it is installed (always under CI=true).</summary>
/// <remarks>On a developer machine without PostgreSQL the "postgres" cases are not generated, and
/// <c>PostgresIsAvailable</c> reports the skip; under CI=true they run, so a missing server fails.</remarks>
public static class TestDatabases
{
    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>The providers to test on here.</summary>
    public static IReadOnlyList<string> Names =>
        PostgresCluster.Unavailable is null || InCi ? ["sqlite", "postgres"] : ["sqlite"];

    public static TheoryData<string> Providers => [.. Names];

    /// <summary>Storage options pointing at a new, empty database of the given provider.</summary>
    public static StorageOptions Create(string provider) => provider switch
    {
        "postgres" => new StorageOptions { Provider = DatabaseProvider.Postgres, ConnectionString = PostgresCluster.Instance.NewDatabase() },
        _ => new StorageOptions { DataFolder = TestScratch.NewFolder("db") },
    };
}
