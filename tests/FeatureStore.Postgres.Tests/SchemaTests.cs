using FeatureStore.Testing;
using Npgsql;
using Snapshooter.Xunit;

namespace FeatureStore.Postgres.Tests;

/// <summary>The migrations build the design document's four tables (plus versions and audit), with their constraints and indexes.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SchemaTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private MigratedDatabase _database = null!;

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync(infrastructure, "schema");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrations_create_every_table_with_its_columns_constraints_and_indexes()
    {
        var schema = new
        {
            Columns = await Sql.StringsAsync(_database.ConnectionString, """
                SELECT table_name || '.' || column_name || ' ' || data_type
                       || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
                       || COALESCE(' default ' || column_default, '')
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name LIKE 'ai_feature_%'
                ORDER BY table_name, ordinal_position
                """),
            Constraints = await Sql.StringsAsync(_database.ConnectionString, """
                SELECT conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid)
                FROM pg_constraint
                WHERE conrelid::regclass::text LIKE 'ai_feature_%'
                ORDER BY conrelid::regclass::text, conname
                """),
            Indexes = await Sql.StringsAsync(_database.ConnectionString, """
                SELECT indexdef FROM pg_indexes
                WHERE schemaname = 'public' AND tablename LIKE 'ai_feature_%'
                ORDER BY tablename, indexname
                """),
            // Columns stored with a set compression (the drift tables included), rather than the server's default (pglz).
            Compression = await Sql.StringsAsync(_database.ConnectionString, """
                SELECT attrelid::regclass || '.' || attname || ' ' || CASE attcompression WHEN 'l' THEN 'lz4' ELSE 'pglz' END
                FROM pg_attribute
                WHERE attrelid::regclass::text LIKE 'ai_%' AND attcompression <> ''
                ORDER BY attrelid::regclass::text, attname
                """),
        };

        Snapshot.Match(schema);
    }

    [Fact]
    public async Task The_vector_extension_is_installed()
    {
        var extensions = await Sql.StringsAsync(_database.ConnectionString, "SELECT extname FROM pg_extension ORDER BY extname");
        Assert.Contains("vector", extensions);
    }

    [Fact]
    public async Task A_feature_type_outside_the_design_documents_list_is_rejected()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(_database.ConnectionString,
            "INSERT INTO ai_feature_registry (name, feature_type, entity_type) VALUES ('user:x', 'float', 'user')"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task An_offline_value_is_unique_per_feature_entity_and_valid_from()
    {
        await Sql.ExecuteAsync(_database.ConnectionString, """
            INSERT INTO ai_feature_registry (id, name, feature_type, entity_type)
            VALUES ('00000000-0000-0000-0000-000000000001', 'user:booking_rate', 'numeric', 'user');
            INSERT INTO ai_feature_values_offline (feature_id, entity_type, entity_id, value, value_type, valid_from)
            VALUES ('00000000-0000-0000-0000-000000000001', 'user', 'u1', '0.5', 'numeric', '2026-01-01T00:00:00Z');
            """);

        var error = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(_database.ConnectionString, """
            INSERT INTO ai_feature_values_offline (feature_id, entity_type, entity_id, value, value_type, valid_from)
            VALUES ('00000000-0000-0000-0000-000000000001', 'user', 'u1', '0.7', 'numeric', '2026-01-01T00:00:00Z')
            """));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    [Theory]
    [InlineData("ai_feature_values_offline")]
    [InlineData("ai_feature_values_online")]
    public async Task A_feature_whose_values_are_stored_cannot_be_deleted_but_one_without_values_can(string table)
    {
        var value = table == "ai_feature_values_offline"
            ? "INSERT INTO ai_feature_values_offline (feature_id, entity_type, entity_id, value, value_type, valid_from) VALUES ('00000000-0000-0000-0000-000000000001', 'user', 'u1', '0.5', 'numeric', now())"
            : "INSERT INTO ai_feature_values_online (feature_id, entity_type, entity_id, value, computed_at) VALUES ('00000000-0000-0000-0000-000000000001', 'user', 'u1', '0.5', now())";
        await Sql.ExecuteAsync(_database.ConnectionString, $"""
            INSERT INTO ai_feature_registry (id, name, feature_type, entity_type) VALUES
                ('00000000-0000-0000-0000-000000000001', 'user:booking_rate', 'numeric', 'user'),
                ('00000000-0000-0000-0000-000000000002', 'user:unused', 'numeric', 'user');
            {value};
            """);

        var error = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(_database.ConnectionString,
            "DELETE FROM ai_feature_registry WHERE id = '00000000-0000-0000-0000-000000000001'"));
        await Sql.ExecuteAsync(_database.ConnectionString, "DELETE FROM ai_feature_registry WHERE id = '00000000-0000-0000-0000-000000000002'");

        Assert.Equal((PostgresErrorCodes.ForeignKeyViolation, "feature user:booking_rate has stored values: deprecate it instead of deleting it"),
            (error.SqlState, error.MessageText));
        Assert.Equal(["user:booking_rate"], await Sql.StringsAsync(_database.ConnectionString, "SELECT name FROM ai_feature_registry"));
    }
}
