using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ComputationJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "feature_name",
                table: "ai_feature_computation_logs",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<Guid>(
                name: "run_id",
                table: "ai_feature_computation_logs",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ai_computation_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    schedule = table.Column<string>(type: "text", nullable: false),
                    features = table.Column<string[]>(type: "text[]", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    messages_seq = table.Column<long>(type: "bigint", nullable: false),
                    conversations_seq = table.Column<long>(type: "bigint", nullable: false),
                    feedback_seq = table.Column<long>(type: "bigint", nullable: false),
                    bookings_seq = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    items_total = table.Column<int>(type: "integer", nullable: false),
                    items_done = table.Column<int>(type: "integer", nullable: false),
                    entities_done = table.Column<long>(type: "bigint", nullable: false),
                    errors = table.Column<long>(type: "bigint", nullable: false),
                    requested_by = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_computation_jobs", x => x.id);
                    table.CheckConstraint("ck_ai_computation_jobs_kind", "kind IN ('scheduled', 'backfill')");
                    table.CheckConstraint("ck_ai_computation_jobs_status", "status IN ('running', 'done', 'failed')");
                });

            migrationBuilder.CreateTable(
                name: "ai_computation_work_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_type = table.Column<string>(type: "text", nullable: false),
                    entity_ids = table.Column<string[]>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    claimed_by = table.Column<string>(type: "text", nullable: true),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    entities = table.Column<int>(type: "integer", nullable: false),
                    errors = table.Column<int>(type: "integer", nullable: false),
                    failure = table.Column<string>(type: "text", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_computation_work_items", x => x.id);
                    table.CheckConstraint("ck_ai_computation_work_items_status", "status IN ('pending', 'running', 'done', 'failed')");
                    table.ForeignKey(
                        name: "FK_ai_computation_work_items_ai_computation_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "ai_computation_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "idx_feature_computation_logs_run",
                table: "ai_feature_computation_logs",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "idx_feature_computation_logs_started",
                table: "ai_feature_computation_logs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "idx_ai_computation_jobs_created",
                table: "ai_computation_jobs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ux_ai_computation_jobs_schedule_tick",
                table: "ai_computation_jobs",
                columns: new[] { "schedule", "at" },
                unique: true,
                filter: "kind = 'scheduled'");

            migrationBuilder.CreateIndex(
                name: "idx_ai_computation_work_items_job",
                table: "ai_computation_work_items",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "idx_ai_computation_work_items_open",
                table: "ai_computation_work_items",
                column: "id",
                filter: "status IN ('pending', 'running')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_computation_work_items");

            migrationBuilder.DropTable(
                name: "ai_computation_jobs");

            migrationBuilder.DropIndex(
                name: "idx_feature_computation_logs_run",
                table: "ai_feature_computation_logs");

            migrationBuilder.DropIndex(
                name: "idx_feature_computation_logs_started",
                table: "ai_feature_computation_logs");

            migrationBuilder.DropColumn(
                name: "feature_name",
                table: "ai_feature_computation_logs");

            migrationBuilder.DropColumn(
                name: "run_id",
                table: "ai_feature_computation_logs");
        }
    }
}
