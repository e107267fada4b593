using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlPrep.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Best-match lists move from a row per entry to a row per list (see Fts5TopPostings and ListEntries):
            // a search reads one row per phrase. Forgetting when they were built makes the next sync rebuild them.
            migrationBuilder.Sql("DROP TABLE search_top;");
            migrationBuilder.Sql("DROP TABLE search_top_terms;");
            migrationBuilder.Sql("CREATE TABLE search_lists (token TEXT NOT NULL PRIMARY KEY, docs INTEGER NOT NULL, entries BLOB NOT NULL);");
            migrationBuilder.Sql("DELETE FROM app_meta WHERE key IN ('search_top_built_through', 'search_top_stamp');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE search_lists;");
            migrationBuilder.Sql(
                "CREATE TABLE search_top (token TEXT NOT NULL, score REAL NOT NULL, doc INTEGER NOT NULL, question_id TEXT NOT NULL, " +
                "track INTEGER NOT NULL, level INTEGER NOT NULL, kind INTEGER NOT NULL, difficulty INTEGER NOT NULL, " +
                "PRIMARY KEY (token, score DESC, doc)) WITHOUT ROWID;");
            migrationBuilder.Sql("CREATE TABLE search_top_terms (token TEXT NOT NULL PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;");
            migrationBuilder.Sql("DELETE FROM app_meta WHERE key IN ('search_top_built_through', 'search_top_stamp');");
        }
    }
}
