using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlPrep.Core.Storage.Migrations.Postgres
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
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    track = table.Column<int>(type: "integer", nullable: false),
                    format = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    difficulty = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    rounds = table.Column<int[]>(type: "integer[]", nullable: false),
                    topics = table.Column<List<string>>(type: "text[]", nullable: false),
                    is_complete = table.Column<bool>(type: "boolean", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_path = table.Column<string>(type: "text", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    topic_text = table.Column<string>(type: "text", nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: false)
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

            // Full-text search: a generated tsvector (title A, topics B, body C) under a GIN index.
            migrationBuilder.Sql(
                "ALTER TABLE questions ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (" +
                "setweight(to_tsvector('english', title), 'A') || " +
                "setweight(to_tsvector('english', topic_text), 'B') || " +
                "setweight(to_tsvector('english', search_text), 'C')) STORED;");
            migrationBuilder.Sql("CREATE INDEX ix_questions_search_vector ON questions USING GIN (search_vector);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "questions");
        }
    }
}
