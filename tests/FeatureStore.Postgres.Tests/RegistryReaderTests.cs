using FeatureStore.Core.Registry;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FeatureStore.Postgres.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class RegistryReaderTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private MigratedDatabase _database = null!;

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync(infrastructure, "registry");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_empty_registry_lists_nothing()
    {
        var definitions = await Reader.ListAsync(CancellationToken.None);

        Assert.Empty(definitions);
    }

    [Fact]
    public async Task Definitions_are_read_with_their_types_and_metadata_ordered_by_name()
    {
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO ai_feature_registry (name, description, feature_type, entity_type, owner, tags, is_active) VALUES
                  ('user:booking_rate', 'Bookings per conversation', 'numeric', 'user', 'growth', '{rates,daily}', true),
                  ('msg:embedding', NULL, 'vector', 'message', NULL, '{}', false)
                """, connection);
            await insert.ExecuteNonQueryAsync();
        }

        var definitions = await Reader.ListAsync(CancellationToken.None);

        Assert.Equal(
            [
                new FeatureDefinition("msg:embedding", "message", FeatureValueType.Vector, null, null, [], false),
                new FeatureDefinition("user:booking_rate", "user", FeatureValueType.Numeric, "Bookings per conversation", "growth", ["rates", "daily"], true),
            ],
            definitions,
            (a, b) => a with { Tags = [] } == b with { Tags = [] } && a.Tags.SequenceEqual(b.Tags));
    }

    private IFeatureRegistryReader Reader => _database.Services.GetRequiredService<IFeatureRegistryReader>();
}
