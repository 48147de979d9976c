using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeatureStore.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ValueTablesWithoutForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ai_feature_values_offline_ai_feature_registry_feature_id",
                table: "ai_feature_values_offline");

            migrationBuilder.DropForeignKey(
                name: "FK_ai_feature_values_online_ai_feature_registry_feature_id",
                table: "ai_feature_values_online");

            migrationBuilder.DropForeignKey(
                name: "FK_ai_feature_vectors_ai_feature_registry_feature_id",
                table: "ai_feature_vectors");

            // What ON DELETE RESTRICT guarded, checked where it is rare: deleting a registry row (features are
            // deprecated, not deleted) is refused while any of its values is stored, with the same SQLSTATE.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_deleting_features_with_values() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM ai_feature_values_offline WHERE feature_id = OLD.id)
                       OR EXISTS (SELECT 1 FROM ai_feature_values_online WHERE feature_id = OLD.id)
                       OR EXISTS (SELECT 1 FROM ai_feature_vectors WHERE feature_id = OLD.id) THEN
                        RAISE EXCEPTION 'feature % has stored values: deprecate it instead of deleting it', OLD.name
                            USING ERRCODE = 'foreign_key_violation';
                    END IF;
                    RETURN OLD;
                END
                $$;
                CREATE TRIGGER refuse_deleting_features_with_values BEFORE DELETE ON ai_feature_registry
                    FOR EACH ROW EXECUTE FUNCTION refuse_deleting_features_with_values();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER refuse_deleting_features_with_values ON ai_feature_registry;
                DROP FUNCTION refuse_deleting_features_with_values();
                """);

            migrationBuilder.AddForeignKey(
                name: "FK_ai_feature_values_offline_ai_feature_registry_feature_id",
                table: "ai_feature_values_offline",
                column: "feature_id",
                principalTable: "ai_feature_registry",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ai_feature_values_online_ai_feature_registry_feature_id",
                table: "ai_feature_values_online",
                column: "feature_id",
                principalTable: "ai_feature_registry",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ai_feature_vectors_ai_feature_registry_feature_id",
                table: "ai_feature_vectors",
                column: "feature_id",
                principalTable: "ai_feature_registry",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
