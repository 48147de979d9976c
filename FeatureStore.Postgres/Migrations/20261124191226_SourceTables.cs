using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SourceTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "src_analytics_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    tenant_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    user_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    kind = table.Column<string>(type: "text", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    properties = table.Column<string>(type: "jsonb", nullable: false),
                    ingested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_src_analytics_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "src_bookings",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    tenant_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    user_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    conversation_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    booked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    scheduled_for = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    service = table.Column<string>(type: "text", nullable: false),
                    ingested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_src_bookings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "src_conversations",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    tenant_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    user_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    channel = table.Column<string>(type: "text", nullable: false),
                    ingested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_src_conversations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "src_feedback",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    tenant_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    user_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    conversation_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    message_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    satisfaction = table.Column<int>(type: "integer", nullable: false),
                    given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ingested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_src_feedback", x => x.id);
                    table.CheckConstraint("ck_src_feedback_satisfaction", "satisfaction BETWEEN 1 AND 5");
                });

            migrationBuilder.CreateTable(
                name: "src_messages",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    conversation_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    tenant_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    user_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    role = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    response_time_ms = table.Column<int>(type: "integer", nullable: true),
                    intent = table.Column<string>(type: "text", nullable: true),
                    language = table.Column<string>(type: "text", nullable: false),
                    ingested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_src_messages", x => x.id);
                    table.CheckConstraint("ck_src_messages_response_time", "response_time_ms IS NULL OR (role = 'assistant' AND response_time_ms >= 0)");
                    table.CheckConstraint("ck_src_messages_role", "role IN ('user', 'assistant')");
                });

            migrationBuilder.CreateTable(
                name: "src_tenants",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    name = table.Column<string>(type: "text", nullable: false),
                    time_zone = table.Column<string>(type: "text", nullable: false),
                    opens_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    closes_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    language = table.Column<string>(type: "text", nullable: false),
                    ingested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_src_tenants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "src_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    tenant_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    preferred_language = table.Column<string>(type: "text", nullable: false),
                    preferences = table.Column<string>(type: "jsonb", nullable: false),
                    ingested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_src_users", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "idx_src_analytics_events_seq",
                table: "src_analytics_events",
                column: "seq");

            migrationBuilder.CreateIndex(
                name: "idx_src_analytics_events_tenant",
                table: "src_analytics_events",
                columns: new[] { "tenant_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "idx_src_analytics_events_user",
                table: "src_analytics_events",
                columns: new[] { "user_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "idx_src_bookings_seq",
                table: "src_bookings",
                column: "seq");

            migrationBuilder.CreateIndex(
                name: "idx_src_bookings_tenant",
                table: "src_bookings",
                columns: new[] { "tenant_id", "booked_at" });

            migrationBuilder.CreateIndex(
                name: "idx_src_bookings_user",
                table: "src_bookings",
                columns: new[] { "user_id", "booked_at" });

            migrationBuilder.CreateIndex(
                name: "idx_src_conversations_seq",
                table: "src_conversations",
                column: "seq");

            migrationBuilder.CreateIndex(
                name: "idx_src_conversations_tenant",
                table: "src_conversations",
                columns: new[] { "tenant_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "idx_src_conversations_user",
                table: "src_conversations",
                columns: new[] { "user_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "idx_src_feedback_conversation",
                table: "src_feedback",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "idx_src_feedback_seq",
                table: "src_feedback",
                column: "seq");

            migrationBuilder.CreateIndex(
                name: "idx_src_feedback_tenant",
                table: "src_feedback",
                columns: new[] { "tenant_id", "given_at" });

            migrationBuilder.CreateIndex(
                name: "idx_src_feedback_user",
                table: "src_feedback",
                columns: new[] { "user_id", "given_at" });

            migrationBuilder.CreateIndex(
                name: "idx_src_messages_conversation",
                table: "src_messages",
                columns: new[] { "conversation_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "idx_src_messages_seq",
                table: "src_messages",
                column: "seq");

            migrationBuilder.CreateIndex(
                name: "idx_src_messages_tenant",
                table: "src_messages",
                columns: new[] { "tenant_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "idx_src_messages_user",
                table: "src_messages",
                columns: new[] { "user_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "idx_src_tenants_seq",
                table: "src_tenants",
                column: "seq");

            migrationBuilder.CreateIndex(
                name: "idx_src_users_seq",
                table: "src_users",
                column: "seq");

            migrationBuilder.CreateIndex(
                name: "idx_src_users_tenant",
                table: "src_users",
                column: "tenant_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "src_analytics_events");

            migrationBuilder.DropTable(
                name: "src_bookings");

            migrationBuilder.DropTable(
                name: "src_conversations");

            migrationBuilder.DropTable(
                name: "src_feedback");

            migrationBuilder.DropTable(
                name: "src_messages");

            migrationBuilder.DropTable(
                name: "src_tenants");

            migrationBuilder.DropTable(
                name: "src_users");
        }
    }
}
