using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HistoryKeyIsTheLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ai_feature_values_offline",
                table: "ai_feature_values_offline");

            migrationBuilder.DropColumn(
                name: "id",
                table: "ai_feature_values_offline");

            // The unique lookup index becomes the key as it is: no second index is built over a history
            // that may hold millions of rows (EF's scaffold dropped it and built the key anew).
            migrationBuilder.Sql(
                "ALTER TABLE ai_feature_values_offline ADD CONSTRAINT idx_feature_values_offline_lookup PRIMARY KEY USING INDEX idx_feature_values_offline_lookup");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "idx_feature_values_offline_lookup",
                table: "ai_feature_values_offline");

            migrationBuilder.AddColumn<Guid>(
                name: "id",
                table: "ai_feature_values_offline",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ai_feature_values_offline",
                table: "ai_feature_values_offline",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "idx_feature_values_offline_lookup",
                table: "ai_feature_values_offline",
                columns: new[] { "feature_id", "version_major", "entity_type", "entity_id", "valid_from" },
                unique: true);
        }
    }
}
