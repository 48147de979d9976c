using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegistryVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ai_feature_values_online",
                table: "ai_feature_values_online");

            migrationBuilder.DropIndex(
                name: "idx_feature_values_offline_lookup",
                table: "ai_feature_values_offline");

            migrationBuilder.AddColumn<int>(
                name: "version_major",
                table: "ai_feature_values_online",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "version",
                table: "ai_feature_values_online",
                type: "text",
                nullable: false,
                defaultValue: "1.0.0");

            migrationBuilder.AddColumn<string>(
                name: "version",
                table: "ai_feature_values_offline",
                type: "text",
                nullable: false,
                defaultValue: "1.0.0");

            migrationBuilder.AddColumn<int>(
                name: "version_major",
                table: "ai_feature_values_offline",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "active_version",
                table: "ai_feature_registry",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "split_percent",
                table: "ai_feature_registry",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "split_version",
                table: "ai_feature_registry",
                type: "text",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ai_feature_values_online",
                table: "ai_feature_values_online",
                columns: new[] { "feature_id", "version_major", "entity_type", "entity_id" });

            migrationBuilder.CreateTable(
                name: "ai_feature_audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    actor = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    feature_name = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<string>(type: "text", nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_feature_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ai_feature_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    feature_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<string>(type: "text", nullable: false),
                    major = table.Column<int>(type: "integer", nullable: false),
                    minor = table.Column<int>(type: "integer", nullable: false),
                    patch = table.Column<int>(type: "integer", nullable: false),
                    definition = table.Column<string>(type: "jsonb", nullable: false),
                    change_kind = table.Column<string>(type: "text", nullable: false),
                    reasons = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    deprecated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deprecated_by = table.Column<string>(type: "text", nullable: true),
                    deprecation_reason = table.Column<string>(type: "text", nullable: true),
                    sunset_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_feature_versions", x => x.id);
                    table.CheckConstraint("ck_ai_feature_versions_change_kind", "change_kind IN ('NEW', 'PATCH', 'MINOR', 'MAJOR')");
                    table.CheckConstraint("ck_ai_feature_versions_deprecation", "(deprecated_at IS NULL) = (sunset_at IS NULL) AND (deprecated_at IS NULL) = (deprecation_reason IS NULL)");
                    table.ForeignKey(
                        name: "FK_ai_feature_versions_ai_feature_registry_feature_id",
                        column: x => x.feature_id,
                        principalTable: "ai_feature_registry",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "idx_feature_values_offline_lookup",
                table: "ai_feature_values_offline",
                columns: new[] { "feature_id", "version_major", "entity_type", "entity_id", "valid_from" },
                unique: true,
                descending: new[] { false, false, false, false, true });

            migrationBuilder.AddCheckConstraint(
                name: "ck_ai_feature_registry_split",
                table: "ai_feature_registry",
                sql: "(split_version IS NULL) = (split_percent IS NULL) AND (split_percent IS NULL OR (split_percent > 0 AND split_percent < 100))");

            migrationBuilder.CreateIndex(
                name: "idx_feature_audit_log_feature",
                table: "ai_feature_audit_log",
                columns: new[] { "feature_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_feature_versions_number",
                table: "ai_feature_versions",
                columns: new[] { "feature_id", "major", "minor", "patch" },
                unique: true);

            // Features registered before versions existed become version 1.0.0 of themselves, so
            // nothing already registered disappears from the registry (hand-written: not generated).
            migrationBuilder.Sql("""
                INSERT INTO ai_feature_versions (feature_id, version, major, minor, patch, definition, change_kind, reasons, created_at, created_by)
                SELECT r.id, '1.0.0', 1, 0, 0,
                       jsonb_strip_nulls(jsonb_build_object(
                         'name', r.name, 'version', '1.0.0', 'entityType', r.entity_type,
                         'valueType', COALESCE(r.value_schema,
                                               CASE WHEN r.feature_type = 'vector' THEN '{"kind":"vector","dimension":1}'::jsonb
                                                    WHEN r.feature_type = 'array' THEN '{"kind":"array","elementType":"numeric"}'::jsonb
                                                    ELSE jsonb_build_object('kind', r.feature_type) END),
                         'description', r.description, 'owner', r.owner, 'tags', to_jsonb(r.tags),
                         'computation', '{"source":"legacy","aggregation":"latest"}'::jsonb,
                         'refresh', COALESCE(r.refresh_schedule, 'daily'))),
                       'NEW', '{}', r.created_at, 'migration'
                FROM ai_feature_registry r
                WHERE NOT EXISTS (SELECT 1 FROM ai_feature_versions v WHERE v.feature_id = r.id);
                UPDATE ai_feature_registry SET active_version = '1.0.0' WHERE active_version IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_feature_audit_log");

            migrationBuilder.DropTable(
                name: "ai_feature_versions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ai_feature_values_online",
                table: "ai_feature_values_online");

            migrationBuilder.DropIndex(
                name: "idx_feature_values_offline_lookup",
                table: "ai_feature_values_offline");

            migrationBuilder.DropCheckConstraint(
                name: "ck_ai_feature_registry_split",
                table: "ai_feature_registry");

            migrationBuilder.DropColumn(
                name: "version_major",
                table: "ai_feature_values_online");

            migrationBuilder.DropColumn(
                name: "version",
                table: "ai_feature_values_online");

            migrationBuilder.DropColumn(
                name: "version",
                table: "ai_feature_values_offline");

            migrationBuilder.DropColumn(
                name: "version_major",
                table: "ai_feature_values_offline");

            migrationBuilder.DropColumn(
                name: "active_version",
                table: "ai_feature_registry");

            migrationBuilder.DropColumn(
                name: "split_percent",
                table: "ai_feature_registry");

            migrationBuilder.DropColumn(
                name: "split_version",
                table: "ai_feature_registry");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ai_feature_values_online",
                table: "ai_feature_values_online",
                columns: new[] { "feature_id", "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "idx_feature_values_offline_lookup",
                table: "ai_feature_values_offline",
                columns: new[] { "feature_id", "entity_type", "entity_id", "valid_from" },
                unique: true,
                descending: new[] { false, false, false, true });
        }
    }
}
