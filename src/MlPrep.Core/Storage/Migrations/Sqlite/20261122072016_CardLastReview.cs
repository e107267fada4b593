using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlPrep.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CardLastReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_review_logs_user_id_reviewed_at",
                table: "review_logs");

            migrationBuilder.AddColumn<double>(
                name: "last_coverage",
                table: "review_cards",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "last_rating",
                table: "review_cards",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_logs_user_id_reviewed_at_undone_at",
                table: "review_logs",
                columns: new[] { "user_id", "reviewed_at", "undone_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_review_logs_user_id_reviewed_at_undone_at",
                table: "review_logs");

            migrationBuilder.DropColumn(
                name: "last_coverage",
                table: "review_cards");

            migrationBuilder.DropColumn(
                name: "last_rating",
                table: "review_cards");

            migrationBuilder.CreateIndex(
                name: "IX_review_logs_user_id_reviewed_at",
                table: "review_logs",
                columns: new[] { "user_id", "reviewed_at" });
        }
    }
}
