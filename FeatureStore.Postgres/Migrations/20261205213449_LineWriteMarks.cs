using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LineWriteMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ai_feature_line_writes",
                columns: table => new
                {
                    feature_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_major = table.Column<int>(type: "integer", nullable: false),
                    entity_type = table.Column<string>(type: "text", nullable: false),
                    stripe = table.Column<int>(type: "integer", nullable: false),
                    written_by = table.Column<long>(type: "bigint", nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_feature_line_writes", x => new { x.feature_id, x.version_major, x.entity_type, x.stripe });
                    table.ForeignKey(
                        name: "FK_ai_feature_line_writes_ai_feature_registry_feature_id",
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
                name: "ai_feature_line_writes");
        }
    }
}
