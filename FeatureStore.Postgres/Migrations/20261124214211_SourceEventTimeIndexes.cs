using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SourceEventTimeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "idx_src_messages_sent_at",
                table: "src_messages",
                column: "sent_at");

            migrationBuilder.CreateIndex(
                name: "idx_src_feedback_given_at",
                table: "src_feedback",
                column: "given_at");

            migrationBuilder.CreateIndex(
                name: "idx_src_conversations_started_at",
                table: "src_conversations",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "idx_src_bookings_booked_at",
                table: "src_bookings",
                column: "booked_at");

            migrationBuilder.CreateIndex(
                name: "idx_src_bookings_conversation",
                table: "src_bookings",
                columns: new[] { "conversation_id", "booked_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_src_messages_sent_at",
                table: "src_messages");

            migrationBuilder.DropIndex(
                name: "idx_src_feedback_given_at",
                table: "src_feedback");

            migrationBuilder.DropIndex(
                name: "idx_src_conversations_started_at",
                table: "src_conversations");

            migrationBuilder.DropIndex(
                name: "idx_src_bookings_booked_at",
                table: "src_bookings");

            migrationBuilder.DropIndex(
                name: "idx_src_bookings_conversation",
                table: "src_bookings");
        }
    }
}
