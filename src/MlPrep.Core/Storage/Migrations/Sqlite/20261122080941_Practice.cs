using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlPrep.Core.Storage.Migrations.Sqlite
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
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_app_meta", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "decks",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    filter = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mock_sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    round = table.Column<int>(type: "INTEGER", nullable: false),
                    track = table.Column<int>(type: "INTEGER", nullable: true),
                    level = table.Column<int>(type: "INTEGER", nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ended_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mock_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "practice_settings",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    desired_retention = table.Column<double>(type: "REAL", nullable: false),
                    new_per_day = table.Column<int>(type: "INTEGER", nullable: false),
                    learning_steps = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    relearning_steps = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    maximum_interval = table.Column<int>(type: "INTEGER", nullable: false),
                    fuzz = table.Column<bool>(type: "INTEGER", nullable: false),
                    leech_threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practice_settings", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "review_cards",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    question_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    due = table.Column<DateTime>(type: "TEXT", nullable: false),
                    stability = table.Column<double>(type: "REAL", nullable: false),
                    difficulty = table.Column<double>(type: "REAL", nullable: false),
                    scheduled_days = table.Column<int>(type: "INTEGER", nullable: false),
                    learning_steps = table.Column<int>(type: "INTEGER", nullable: false),
                    reps = table.Column<int>(type: "INTEGER", nullable: false),
                    lapses = table.Column<int>(type: "INTEGER", nullable: false),
                    last_review = table.Column<DateTime>(type: "TEXT", nullable: true),
                    elapsed_days = table.Column<int>(type: "INTEGER", nullable: false),
                    suspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    buried_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    leech = table.Column<bool>(type: "INTEGER", nullable: false),
                    queued_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_rating = table.Column<int>(type: "INTEGER", nullable: true),
                    last_coverage = table.Column<double>(type: "REAL", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    question_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    reviewed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    rating = table.Column<int>(type: "INTEGER", nullable: false),
                    elapsed_days = table.Column<int>(type: "INTEGER", nullable: false),
                    scheduled_days = table.Column<int>(type: "INTEGER", nullable: false),
                    duration_seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    key_points_ticked = table.Column<string>(type: "TEXT", nullable: false),
                    key_points_total = table.Column<int>(type: "INTEGER", nullable: false),
                    deck_id = table.Column<long>(type: "INTEGER", nullable: true),
                    state_before = table.Column<int>(type: "INTEGER", nullable: false),
                    state_after = table.Column<int>(type: "INTEGER", nullable: false),
                    stability_before = table.Column<double>(type: "REAL", nullable: false),
                    stability_after = table.Column<double>(type: "REAL", nullable: false),
                    difficulty_before = table.Column<double>(type: "REAL", nullable: false),
                    difficulty_after = table.Column<double>(type: "REAL", nullable: false),
                    due_before = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_after = table.Column<DateTime>(type: "TEXT", nullable: false),
                    scheduled_days_before = table.Column<int>(type: "INTEGER", nullable: false),
                    learning_steps_before = table.Column<int>(type: "INTEGER", nullable: false),
                    reps_before = table.Column<int>(type: "INTEGER", nullable: false),
                    lapses_before = table.Column<int>(type: "INTEGER", nullable: false),
                    last_review_before = table.Column<DateTime>(type: "TEXT", nullable: true),
                    elapsed_days_before = table.Column<int>(type: "INTEGER", nullable: false),
                    leech_before = table.Column<bool>(type: "INTEGER", nullable: false),
                    undone_at = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    session_id = table.Column<long>(type: "INTEGER", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    question_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    section = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    follow_up_of = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    time_box_seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    elapsed_seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    running_since = table.Column<DateTime>(type: "TEXT", nullable: true),
                    notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    done_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    key_points_ticked = table.Column<string>(type: "TEXT", nullable: false),
                    key_points_total = table.Column<int>(type: "INTEGER", nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: true),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
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
