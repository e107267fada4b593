using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MlPrep.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Listing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_questions_difficulty",
                table: "questions");

            migrationBuilder.DropIndex(
                name: "IX_questions_level",
                table: "questions");

            migrationBuilder.CreateIndex(
                name: "IX_questions_listing",
                table: "questions",
                columns: new[] { "track", "level", "number", "id", "kind", "difficulty" },
                filter: "retired_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_questions_listing",
                table: "questions");

            migrationBuilder.CreateIndex(
                name: "IX_questions_difficulty",
                table: "questions",
                column: "difficulty");

            migrationBuilder.CreateIndex(
                name: "IX_questions_level",
                table: "questions",
                column: "level");
        }
    }
}
