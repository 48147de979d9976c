using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OnlineValuesWithoutExpiresIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_feature_values_online_expires",
                table: "ai_feature_values_online");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "idx_feature_values_online_expires",
                table: "ai_feature_values_online",
                column: "expires_at");
        }
    }
}
