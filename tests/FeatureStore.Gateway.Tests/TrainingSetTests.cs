using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary>Training sets are point-in-time correct: each row sees only values valid at its timestamp.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TrainingSetTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "training")
{
    private const string Query = """
        query($rows: [TrainingRowInput!]!) { trainingSet(type: "user", rows: $rows, features: ["user:test_rate", "user:test_intent"]) {
          id timestamp features { name value source } } }
        """;

    [Fact]
    public async Task Each_row_gets_the_values_valid_at_its_timestamp_and_never_later_ones()
    {
        await WriteAsync(
            Value(Rate, "u1", 1, "2026-01-01T00:00:00Z"), Value(Rate, "u1", 2, "2026-02-01T00:00:00Z"),
            Value(Intent, "u1", "pricing", "2026-01-20T00:00:00Z"), Value(Rate, "u2", 9, "2026-01-10T00:00:00Z"));
        Stores.Calls.Clear();

        var body = await Client.QueryAsync(Query, new
        {
            rows = new[]
            {
                new { id = "u1", timestamp = "2025-12-31T00:00:00Z" },
                new { id = "u1", timestamp = "2026-01-15T00:00:00Z" },
                new { id = "u1", timestamp = "2026-02-01T00:00:00Z" },
                new { id = "u2", timestamp = "2026-01-15T00:00:00Z" },
            },
        });

        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Equal(
            ["u1 null/null", "u1 1/null", "u1 2/\"pricing\"", "u2 9/null"],
            body.GetProperty("data").GetProperty("trainingSet").EnumerateArray().Select(r =>
                $"{r.GetProperty("id").GetString()} {r.GetProperty("features")[0].GetProperty("value").GetRawText()}/{r.GetProperty("features")[1].GetProperty("value").GetRawText()}"));
        Assert.Equal(["offline.asOf 8 points at 3 instants"], Stores.Calls);
    }

    [Fact]
    public async Task More_than_ten_thousand_rows_is_a_limit_error()
    {
        var rows = Enumerable.Range(0, 10_001).Select(i => new { id = $"u{i}", timestamp = "2026-01-01T00:00:00Z" }).ToArray();

        var body = await Client.QueryAsync(Query, new { rows });

        Assert.Equal("LIMIT_EXCEEDED", GraphQLTestClient.ErrorCode(body));
    }
}
