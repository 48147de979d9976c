using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Pgvector;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OrderedIdsAndVectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_feature_values_offline_lookup",
                table: "ai_feature_values_offline");

            migrationBuilder.AlterColumn<string>(
                name: "entity_id",
                table: "ai_feature_values_online",
                type: "text",
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "entity_id",
                table: "ai_feature_values_offline",
                type: "text",
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.CreateTable(
                name: "ai_feature_vectors",
                columns: table => new
                {
                    feature_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_major = table.Column<int>(type: "integer", nullable: false),
                    entity_type = table.Column<string>(type: "text", nullable: false),
                    entity_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    embedding = table.Column<Vector>(type: "vector", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_feature_vectors", x => new { x.feature_id, x.version_major, x.entity_type, x.entity_id });
                    table.ForeignKey(
                        name: "FK_ai_feature_vectors_ai_feature_registry_feature_id",
                        column: x => x.feature_id,
                        principalTable: "ai_feature_registry",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "idx_feature_values_offline_lookup",
                table: "ai_feature_values_offline",
                columns: new[] { "feature_id", "version_major", "entity_type", "entity_id", "valid_from" },
                unique: true);

            // Current vector values written before this table existed: copy them from the durable
            // online copy (only well-formed numeric arrays; anything else stays out of the index).
            migrationBuilder.Sql("""
                INSERT INTO ai_feature_vectors (feature_id, version_major, entity_type, entity_id, embedding, valid_from)
                SELECT n.feature_id, n.version_major, n.entity_type, n.entity_id, (n.value::text)::vector, coalesce(n.valid_from, n.computed_at)
                FROM ai_feature_values_online n
                JOIN ai_feature_registry r ON r.id = n.feature_id
                WHERE r.feature_type = 'vector'
                  AND CASE WHEN jsonb_typeof(n.value) = 'array'  -- CASE, because AND does not guard evaluation order
                           THEN jsonb_array_length(n.value) > 0 AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(n.value) e WHERE jsonb_typeof(e) <> 'number')
                           ELSE false END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_feature_vectors");

            migrationBuilder.DropIndex(
                name: "idx_feature_values_offline_lookup",
                table: "ai_feature_values_offline");

            migrationBuilder.AlterColumn<string>(
                name: "entity_id",
                table: "ai_feature_values_online",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "entity_id",
                table: "ai_feature_values_offline",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "idx_feature_values_offline_lookup",
                table: "ai_feature_values_offline",
                columns: new[] { "feature_id", "version_major", "entity_type", "entity_id", "valid_from" },
                unique: true,
                descending: new[] { false, false, false, false, true });
        }
    }
}
