using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LineChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "unlogged_by",
                table: "ai_feature_line_writes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ai_feature_line_changes",
                columns: table => new
                {
                    feature_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_major = table.Column<int>(type: "integer", nullable: false),
                    entity_type = table.Column<string>(type: "text", nullable: false),
                    entity_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    written_by = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_feature_line_changes", x => new { x.feature_id, x.version_major, x.entity_type, x.entity_id });
                    table.ForeignKey(
                        name: "FK_ai_feature_line_changes_ai_feature_registry_feature_id",
                        column: x => x.feature_id,
                        principalTable: "ai_feature_registry",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_feature_line_changes");

            migrationBuilder.DropColumn(
                name: "unlogged_by",
                table: "ai_feature_line_writes");
        }
    }
}
