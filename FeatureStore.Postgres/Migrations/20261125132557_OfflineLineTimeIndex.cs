using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OfflineLineTimeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_feature_values_offline_time",
                table: "ai_feature_values_offline");

            migrationBuilder.CreateIndex(
                name: "idx_feature_values_offline_line_time",
                table: "ai_feature_values_offline",
                columns: new[] { "feature_id", "version_major", "valid_from" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_feature_values_offline_line_time",
                table: "ai_feature_values_offline");

            migrationBuilder.CreateIndex(
                name: "idx_feature_values_offline_time",
                table: "ai_feature_values_offline",
                columns: new[] { "valid_from", "valid_to" });
        }
    }
}
