using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DriftTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ai_drift_alert_state",
                columns: table => new
                {
                    subject = table.Column<string>(type: "text", nullable: false),
                    check_name = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_drift_alert_state", x => new { x.subject, x.check_name });
                    table.CheckConstraint("ck_ai_drift_alert_state_status", "status IS NULL OR status IN ('OK', 'WARN', 'DRIFT')");
                });

            migrationBuilder.CreateTable(
                name: "ai_drift_baselines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    feature = table.Column<string>(type: "text", nullable: false),
                    value_line = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    window_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    values = table.Column<string>(type: "jsonb", nullable: true),
                    sample_size = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_drift_baselines", x => x.id);
                    table.CheckConstraint("ck_ai_drift_baselines_kind", "kind IN ('window', 'training_set')");
                    table.CheckConstraint("ck_ai_drift_baselines_window", "window_end > window_start");
                });

            migrationBuilder.CreateTable(
                name: "ai_drift_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    features = table.Column<string[]>(type: "text[]", nullable: false),
                    window_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    requested_by = table.Column<string>(type: "text", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    claimed_by = table.Column<string>(type: "text", nullable: true),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failure = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_drift_requests", x => x.id);
                    table.CheckConstraint("ck_ai_drift_requests_kind", "kind IN ('scheduled', 'requested')");
                    table.CheckConstraint("ck_ai_drift_requests_status", "status IN ('pending', 'running', 'done', 'failed')");
                });

            migrationBuilder.CreateTable(
                name: "ai_drift_statistics",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    feature = table.Column<string>(type: "text", nullable: false),
                    value_line = table.Column<int>(type: "integer", nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    window_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    statistics = table.Column<string>(type: "jsonb", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_drift_statistics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ai_serving_samples",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    feature = table.Column<string>(type: "text", nullable: false),
                    value_line = table.Column<int>(type: "integer", nullable: false),
                    entity_type = table.Column<string>(type: "text", nullable: false),
                    entity_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    value = table.Column<string>(type: "jsonb", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    served_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_serving_samples", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ai_drift_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    feature = table.Column<string>(type: "text", nullable: false),
                    check_name = table.Column<string>(type: "text", nullable: false),
                    entity_type = table.Column<string>(type: "text", nullable: false),
                    value_line = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<string>(type: "text", nullable: true),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    window_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    baseline_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tests = table.Column<string>(type: "jsonb", nullable: false),
                    contributions = table.Column<string>(type: "jsonb", nullable: false),
                    statistics = table.Column<string>(type: "jsonb", nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: true),
                    plot_svg = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_drift_reports", x => x.id);
                    table.CheckConstraint("ck_ai_drift_reports_check", "check_name IN ('univariate', 'classifier', 'skew')");
                    table.CheckConstraint("ck_ai_drift_reports_status", "status IN ('OK', 'WARN', 'DRIFT')");
                    table.ForeignKey(
                        name: "FK_ai_drift_reports_ai_drift_baselines_baseline_id",
                        column: x => x.baseline_id,
                        principalTable: "ai_drift_baselines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "idx_ai_drift_baselines_latest",
                table: "ai_drift_baselines",
                columns: new[] { "feature", "value_line", "kind", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ux_ai_drift_baselines_window",
                table: "ai_drift_baselines",
                columns: new[] { "feature", "value_line", "kind", "window_start", "window_end" },
                unique: true,
                filter: "kind = 'window'");

            migrationBuilder.CreateIndex(
                name: "idx_ai_drift_reports_feature_window",
                table: "ai_drift_reports",
                columns: new[] { "feature", "window_end" });

            migrationBuilder.CreateIndex(
                name: "idx_ai_drift_reports_latest",
                table: "ai_drift_reports",
                columns: new[] { "feature", "check_name", "created_at" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "IX_ai_drift_reports_baseline_id",
                table: "ai_drift_reports",
                column: "baseline_id");

            migrationBuilder.CreateIndex(
                name: "idx_ai_drift_requests_open",
                table: "ai_drift_requests",
                column: "requested_at",
                filter: "status IN ('pending', 'running')");

            migrationBuilder.CreateIndex(
                name: "ux_ai_drift_requests_scheduled_window",
                table: "ai_drift_requests",
                column: "window_end",
                unique: true,
                filter: "kind = 'scheduled'");

            migrationBuilder.CreateIndex(
                name: "ux_ai_drift_statistics_window",
                table: "ai_drift_statistics",
                columns: new[] { "feature", "value_line", "window_start", "window_end" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_ai_serving_samples_feature_served",
                table: "ai_serving_samples",
                columns: new[] { "feature", "served_at" });

            migrationBuilder.CreateIndex(
                name: "idx_ai_serving_samples_served",
                table: "ai_serving_samples",
                column: "served_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_drift_alert_state");

            migrationBuilder.DropTable(
                name: "ai_drift_reports");

            migrationBuilder.DropTable(
                name: "ai_drift_requests");

            migrationBuilder.DropTable(
                name: "ai_drift_statistics");

            migrationBuilder.DropTable(
                name: "ai_serving_samples");

            migrationBuilder.DropTable(
                name: "ai_drift_baselines");
        }
    }
}
