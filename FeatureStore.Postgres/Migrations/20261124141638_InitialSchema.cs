using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:vector", ",,");

            migrationBuilder.CreateTable(
                name: "ai_feature_registry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    feature_type = table.Column<string>(type: "text", nullable: false),
                    entity_type = table.Column<string>(type: "text", nullable: false),
                    computation_sql = table.Column<string>(type: "text", nullable: true),
                    refresh_schedule = table.Column<string>(type: "text", nullable: true),
                    schema_version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    value_schema = table.Column<string>(type: "jsonb", nullable: true),
                    owner = table.Column<string>(type: "text", nullable: true),
                    tags = table.Column<string[]>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    is_active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_feature_registry", x => x.id);
                    table.CheckConstraint("ck_ai_feature_registry_feature_type", "feature_type IN ('numeric', 'categorical', 'vector', 'json', 'boolean', 'array')");
                });

            migrationBuilder.CreateTable(
                name: "ai_feature_computation_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    feature_id = table.Column<Guid>(type: "uuid", nullable: true),
                    computation_type = table.Column<string>(type: "text", nullable: true),
                    entities_processed = table.Column<int>(type: "integer", nullable: true),
                    duration_ms = table.Column<int>(type: "integer", nullable: true),
                    errors_count = table.Column<int>(type: "integer", nullable: true),
                    error_details = table.Column<string>(type: "jsonb", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_feature_computation_logs", x => x.id);
                    table.CheckConstraint("ck_ai_feature_computation_logs_type", "computation_type IS NULL OR computation_type IN ('batch', 'streaming', 'on-demand')");
                    table.ForeignKey(
                        name: "FK_ai_feature_computation_logs_ai_feature_registry_feature_id",
                        column: x => x.feature_id,
                        principalTable: "ai_feature_registry",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ai_feature_values_offline",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    feature_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_type = table.Column<string>(type: "text", nullable: false),
                    entity_id = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "jsonb", nullable: false),
                    value_type = table.Column<string>(type: "text", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_feature_values_offline", x => x.id);
                    table.CheckConstraint("ck_ai_feature_values_offline_interval", "valid_to IS NULL OR valid_to > valid_from");
                    table.ForeignKey(
                        name: "FK_ai_feature_values_offline_ai_feature_registry_feature_id",
                        column: x => x.feature_id,
                        principalTable: "ai_feature_registry",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ai_feature_values_online",
                columns: table => new
                {
                    feature_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_type = table.Column<string>(type: "text", nullable: false),
                    entity_id = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "jsonb", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_feature_values_online", x => new { x.feature_id, x.entity_type, x.entity_id });
                    table.ForeignKey(
                        name: "FK_ai_feature_values_online_ai_feature_registry_feature_id",
                        column: x => x.feature_id,
                        principalTable: "ai_feature_registry",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "idx_feature_computation_logs_feature",
                table: "ai_feature_computation_logs",
                columns: new[] { "feature_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "IX_ai_feature_registry_name",
                table: "ai_feature_registry",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_feature_values_offline_lookup",
                table: "ai_feature_values_offline",
                columns: new[] { "feature_id", "entity_type", "entity_id", "valid_from" },
                unique: true,
                descending: new[] { false, false, false, true });

            migrationBuilder.CreateIndex(
                name: "idx_feature_values_offline_time",
                table: "ai_feature_values_offline",
                columns: new[] { "valid_from", "valid_to" });

            migrationBuilder.CreateIndex(
                name: "idx_feature_values_online_expires",
                table: "ai_feature_values_online",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_feature_computation_logs");

            migrationBuilder.DropTable(
                name: "ai_feature_values_offline");

            migrationBuilder.DropTable(
                name: "ai_feature_values_online");

            migrationBuilder.DropTable(
                name: "ai_feature_registry");
        }
    }
}
