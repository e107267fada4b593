using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MlPrep.Core.Storage;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context when creating migrations; never used at run time.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMlPrepDb>
{
    public SqliteMlPrepDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMlPrepDb>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context when creating migrations; it never connects.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMlPrepDb>
{
    public PostgresMlPrepDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMlPrepDb>().UseNpgsql("Host=localhost;Database=mlprep_design").Options);
}
