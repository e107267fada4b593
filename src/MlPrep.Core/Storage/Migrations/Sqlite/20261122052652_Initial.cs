using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlPrep.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "questions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    track = table.Column<int>(type: "INTEGER", nullable: false),
                    format = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    difficulty = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    rounds = table.Column<string>(type: "TEXT", nullable: false),
                    topics = table.Column<string>(type: "TEXT", nullable: false),
                    is_complete = table.Column<bool>(type: "INTEGER", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_path = table.Column<string>(type: "TEXT", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    topic_text = table.Column<string>(type: "TEXT", nullable: false),
                    search_text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_questions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_questions_difficulty",
                table: "questions",
                column: "difficulty");

            migrationBuilder.CreateIndex(
                name: "IX_questions_level",
                table: "questions",
                column: "level");

            migrationBuilder.CreateIndex(
                name: "IX_questions_track_number",
                table: "questions",
                columns: new[] { "track", "number" });

            // Full-text index, maintained by SqliteMlPrepDb.ReindexAsync during content sync.
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE question_search USING fts5(" +
                "question_id UNINDEXED, title, topics, body, " +
                "tokenize = 'porter unicode61 remove_diacritics 2');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE question_search;");

            migrationBuilder.DropTable(
                name: "questions");
        }
    }
}
