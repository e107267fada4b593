using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MlPrep.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Interviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "queued_at",
                table: "review_cards",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "mock_sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    track = table.Column<int>(type: "integer", nullable: true),
                    level = table.Column<int>(type: "integer", nullable: true),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mock_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mock_answers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    session_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    question_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    section = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    follow_up_of = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    time_box_seconds = table.Column<int>(type: "integer", nullable: false),
                    elapsed_seconds = table.Column<int>(type: "integer", nullable: false),
                    running_since = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    notes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    done_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    key_points_ticked = table.Column<List<int>>(type: "integer[]", nullable: false),
                    key_points_total = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: true),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mock_answers", x => x.id);
                    table.ForeignKey(
                        name: "FK_mock_answers_mock_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "mock_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_mock_answers_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mock_answers_question_id",
                table: "mock_answers",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "IX_mock_answers_session_id_position",
                table: "mock_answers",
                columns: new[] { "session_id", "position" });

            migrationBuilder.CreateIndex(
                name: "IX_mock_answers_user_id_question_id",
                table: "mock_answers",
                columns: new[] { "user_id", "question_id" });

            migrationBuilder.CreateIndex(
                name: "IX_mock_sessions_user_id_started_at",
                table: "mock_sessions",
                columns: new[] { "user_id", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mock_answers");

            migrationBuilder.DropTable(
                name: "mock_sessions");

            migrationBuilder.DropColumn(
                name: "queued_at",
                table: "review_cards");
        }
    }
}
