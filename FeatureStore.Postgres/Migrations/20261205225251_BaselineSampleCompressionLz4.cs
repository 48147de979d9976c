using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BaselineSampleCompressionLz4 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "values",
                table: "ai_drift_baselines",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true)
                .Annotation("Npgsql:Compression:", "lz4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "values",
                table: "ai_drift_baselines",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true)
                .OldAnnotation("Npgsql:Compression:", "lz4");
        }
    }
}
