using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UnloggedWriteRanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "range_after",
                table: "ai_feature_line_writes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "unlogged_high",
                table: "ai_feature_line_writes",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "unlogged_low",
                table: "ai_feature_line_writes",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<long>(
                name: "unlogged_writes",
                table: "ai_feature_line_writes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "range_after",
                table: "ai_feature_line_writes");

            migrationBuilder.DropColumn(
                name: "unlogged_high",
                table: "ai_feature_line_writes");

            migrationBuilder.DropColumn(
                name: "unlogged_low",
                table: "ai_feature_line_writes");

            migrationBuilder.DropColumn(
                name: "unlogged_writes",
                table: "ai_feature_line_writes");
        }
    }
}
