using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlPrep.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchTopPostings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Best matches per frequent word or phrase (see Fts5TopPostings); built by the next content sync.
            // The question's track, level, kind and difficulty ride along, so a filtered search filters the lists in SQL.
            migrationBuilder.Sql(
                "CREATE TABLE search_top (token TEXT NOT NULL, score REAL NOT NULL, doc INTEGER NOT NULL, question_id TEXT NOT NULL, " +
                "track INTEGER NOT NULL, level INTEGER NOT NULL, kind INTEGER NOT NULL, difficulty INTEGER NOT NULL, " +
                "PRIMARY KEY (token, score DESC, doc)) WITHOUT ROWID;");
            migrationBuilder.Sql("CREATE TABLE search_top_terms (token TEXT NOT NULL PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE question_search_vocab USING fts5vocab(question_search, 'row');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE question_search_vocab;");
            migrationBuilder.Sql("DROP TABLE search_top_terms;");
            migrationBuilder.Sql("DROP TABLE search_top;");
            migrationBuilder.Sql("DELETE FROM app_meta WHERE key IN ('search_top_built_through', 'search_top_stamp');");
        }
    }
}
