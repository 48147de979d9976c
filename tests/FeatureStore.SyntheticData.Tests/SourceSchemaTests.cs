using FeatureStore.Testing;
using Snapshooter.Xunit;

namespace FeatureStore.SyntheticData.Tests;

/// <summary>The src_* tables' columns, constraints and indexes, pinned (the Postgres project's snapshot covers ai_feature_* only).</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SourceSchemaTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private MigratedDatabase _database = null!;

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync(infrastructure, "srcschema");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_source_tables_match_their_snapshot()
    {
        var schema = new
        {
            Columns = await Sql.StringsAsync(_database.ConnectionString, """
                SELECT table_name || '.' || column_name || ' ' || data_type
                       || COALESCE(' collate ' || collation_name, '')
                       || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
                       || COALESCE(' default ' || column_default, '')
                       || CASE WHEN is_identity = 'YES' THEN ' identity ' || identity_generation ELSE '' END
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name LIKE 'src\_%'
                ORDER BY table_name, ordinal_position
                """),
            Constraints = await Sql.StringsAsync(_database.ConnectionString, """
                SELECT conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid)
                FROM pg_constraint
                WHERE conrelid::regclass::text LIKE 'src\_%'
                ORDER BY conrelid::regclass::text, conname
                """),
            Indexes = await Sql.StringsAsync(_database.ConnectionString, """
                SELECT indexdef FROM pg_indexes
                WHERE schemaname = 'public' AND tablename LIKE 'src\_%'
                ORDER BY tablename, indexname
                """),
        };

        Snapshot.Match(schema);
    }
}
