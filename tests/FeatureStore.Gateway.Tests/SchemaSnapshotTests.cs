using FeatureStore.Testing;
using GraphQL.Types;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace FeatureStore.Gateway.Tests;

/// <summary>The GraphQL contract, as SDL: any change to it shows up in review as a snapshot diff.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SchemaSnapshotTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_schema_matches_its_snapshot()
    {
        await using var database = await MigratedDatabase.CreateAsync(infrastructure, "sdl");
        await using var gateway = new GatewayFactory(database.ConnectionString, infrastructure.Redis.ConnectionString);

        var schema = gateway.Services.GetRequiredService<ISchema>();

        Snapshot.Match(schema.Print());
    }
}
