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

    [Fact]
    public async Task A_value_for_an_unregistered_feature_is_rejected()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(_database.ConnectionString, """
            INSERT INTO ai_feature_values_online (feature_id, entity_type, entity_id, value, computed_at)
            VALUES (gen_random_uuid(), 'user', 'u1', '1', now())
            """));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }
}
