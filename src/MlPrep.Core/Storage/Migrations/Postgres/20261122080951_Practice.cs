using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MlPrep.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Practice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "app_meta",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_app_meta", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "decks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    filter = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decks", x => x.id);
                });

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
                name: "practice_settings",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    desired_retention = table.Column<double>(type: "double precision", nullable: false),
                    new_per_day = table.Column<int>(type: "integer", nullable: false),
                    learning_steps = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    relearning_steps = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    maximum_interval = table.Column<int>(type: "integer", nullable: false),
                    fuzz = table.Column<bool>(type: "boolean", nullable: false),
                    leech_threshold = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practice_settings", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "review_cards",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    question_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    due = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    stability = table.Column<double>(type: "double precision", nullable: false),
                    difficulty = table.Column<double>(type: "double precision", nullable: false),
                    scheduled_days = table.Column<int>(type: "integer", nullable: false),
                    learning_steps = table.Column<int>(type: "integer", nullable: false),
                    reps = table.Column<int>(type: "integer", nullable: false),
                    lapses = table.Column<int>(type: "integer", nullable: false),
                    last_review = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    elapsed_days = table.Column<int>(type: "integer", nullable: false),
                    suspended = table.Column<bool>(type: "boolean", nullable: false),
                    buried_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    leech = table.Column<bool>(type: "boolean", nullable: false),
                    queued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_rating = table.Column<int>(type: "integer", nullable: true),
                    last_coverage = table.Column<double>(type: "double precision", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_cards", x => new { x.user_id, x.question_id });
                    table.ForeignKey(
                        name: "FK_review_cards_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_logs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    question_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reviewed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: false),
                    elapsed_days = table.Column<int>(type: "integer", nullable: false),
                    scheduled_days = table.Column<int>(type: "integer", nullable: false),
                    duration_seconds = table.Column<int>(type: "integer", nullable: false),
                    key_points_ticked = table.Column<List<int>>(type: "integer[]", nullable: false),
                    key_points_total = table.Column<int>(type: "integer", nullable: false),
                    deck_id = table.Column<long>(type: "bigint", nullable: true),
                    state_before = table.Column<int>(type: "integer", nullable: false),
                    state_after = table.Column<int>(type: "integer", nullable: false),
                    stability_before = table.Column<double>(type: "double precision", nullable: false),
                    stability_after = table.Column<double>(type: "double precision", nullable: false),
                    difficulty_before = table.Column<double>(type: "double precision", nullable: false),
                    difficulty_after = table.Column<double>(type: "double precision", nullable: false),
                    due_before = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    due_after = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    scheduled_days_before = table.Column<int>(type: "integer", nullable: false),
                    learning_steps_before = table.Column<int>(type: "integer", nullable: false),
                    reps_before = table.Column<int>(type: "integer", nullable: false),
                    lapses_before = table.Column<int>(type: "integer", nullable: false),
                    last_review_before = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    elapsed_days_before = table.Column<int>(type: "integer", nullable: false),
                    leech_before = table.Column<bool>(type: "boolean", nullable: false),
                    undone_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_logs", x => x.id);
                    table.ForeignKey(
                        name: "FK_review_logs_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "IX_decks_user_id_name",
                table: "decks",
                columns: new[] { "user_id", "name" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_review_cards_question_id",
                table: "review_cards",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "IX_review_cards_user_id_due",
                table: "review_cards",
                columns: new[] { "user_id", "due" });

            migrationBuilder.CreateIndex(
                name: "IX_review_logs_question_id",
                table: "review_logs",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "IX_review_logs_user_id_question_id",
                table: "review_logs",
                columns: new[] { "user_id", "question_id" });

            migrationBuilder.CreateIndex(
                name: "IX_review_logs_user_id_reviewed_at_undone_at",
                table: "review_logs",
                columns: new[] { "user_id", "reviewed_at", "undone_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_meta");

            migrationBuilder.DropTable(
                name: "decks");

            migrationBuilder.DropTable(
                name: "mock_answers");

            migrationBuilder.DropTable(
                name: "practice_settings");

            migrationBuilder.DropTable(
                name: "review_cards");

            migrationBuilder.DropTable(
                name: "review_logs");

            migrationBuilder.DropTable(
                name: "mock_sessions");
        }
    }
}
