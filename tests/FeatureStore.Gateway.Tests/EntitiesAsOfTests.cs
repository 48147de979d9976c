using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary>"All entities as of T", paginated: only those that had a value by then, with their values as of then.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class EntitiesAsOfTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "entitiesasof")
{
    private const string Query = """
        query($after: String) { entitiesAsOf(type: "user", asOf: "2026-02-15T00:00:00Z", features: ["user:test_rate"], first: 2, after: $after) {
          edges { cursor node { id feature(name: "user:test_rate") { value } } }
          pageInfo { hasNextPage endCursor } } }
        """;

    [Fact]
    public async Task Pages_walk_every_entity_that_had_a_value_by_then_in_id_order()
    {
        await WriteAsync(
            Value(Rate, "u3", 3, "2026-01-01T00:00:00Z"), Value(Rate, "u1", 1, "2026-01-01T00:00:00Z"),
            Value(Rate, "u2", 2, "2026-02-01T00:00:00Z"), Value(Rate, "u2", 20, "2026-03-01T00:00:00Z"),
            Value(Rate, "u4", 4, "2026-03-01T00:00:00Z"), Value(Intent, "u5", "booking", "2026-01-01T00:00:00Z"));

        var first = await Client.QueryAsync(Query, new { after = (string?)null });
        var page1 = first.GetProperty("data").GetProperty("entitiesAsOf");
        var second = await Client.QueryAsync(Query, new { after = page1.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        var page2 = second.GetProperty("data").GetProperty("entitiesAsOf");

        static IEnumerable<string> Nodes(System.Text.Json.JsonElement page) => page.GetProperty("edges").EnumerateArray()
            .Select(e => $"{e.GetProperty("node").GetProperty("id").GetString()}={e.GetProperty("node").GetProperty("feature").GetProperty("value").GetRawText()}");
        Assert.Equal(["u1=1", "u2=2"], Nodes(page1));
        Assert.True(page1.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["u3=3"], Nodes(page2));
        Assert.False(page2.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task A_cursor_that_was_never_returned_is_an_invalid_argument()
    {
        var body = await Client.QueryAsync(Query, new { after = "not base64!" });

        Assert.Equal("INVALID_ARGUMENT", GraphQLTestClient.ErrorCode(body));
    }
}
