using System.Text.Json;
using FeatureStore.Testing;

namespace FeatureStore.Gateway.Tests;

/// <summary><c>similar</c>: nearest entities by a vector feature's current values, on pgvector with a per-line HNSW index.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SimilarTests(InfrastructureFixture infrastructure) : ServingTestBase(infrastructure, "similar")
{
    private const string At = "2026-01-01T00:00:00Z";

    private const string Query = """
        query($f: String!, $to: [Float!], $e: ID, $k: Int!) {
          similar(feature: $f, to: $to, toEntity: $e, k: $k) { distance validFrom entity { type id feature(name: "msg:test_vec") { value } } }
        }
        """;

    [Fact]
    public async Task Nearest_entities_come_first_with_their_cosine_distance_and_features()
    {
        await WriteVectorsAsync();

        var neighbours = await SimilarAsync(to: [1, 0, 0], k: 3);

        Assert.Equal(["m_x", "m_x2", "m_xy"], Ids(neighbours));
        Assert.Equal(0, neighbours[0].GetProperty("distance").GetDouble(), 6);
        Assert.Equal(1 - (1 / Math.Sqrt(2)), neighbours[2].GetProperty("distance").GetDouble(), 5);
        Assert.Equal("message", neighbours[0].GetProperty("entity").GetProperty("type").GetString());
        Assert.Equal("[2,0.1,0]", neighbours[1].GetProperty("entity").GetProperty("feature").GetProperty("value").GetRawText());
        Assert.Equal(At, neighbours[0].GetProperty("validFrom").GetString()!.Replace(".000", "", StringComparison.Ordinal).Replace("+00:00", "Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Searching_near_an_entity_uses_its_current_vector_and_leaves_it_out()
    {
        await WriteVectorsAsync();

        var neighbours = await SimilarAsync(toEntity: "m_y", k: 2);

        Assert.Equal(["m_xy", "m_x2"], Ids(neighbours));
    }

    [Fact]
    public async Task A_rewritten_vector_moves_and_a_null_value_leaves_the_index()
    {
        await WriteVectorsAsync();
        await WriteAsync(Value(Embedding, "m_x", new[] { -0.1, 0.0, 1.0 }, "2026-01-02T00:00:00Z"), Value(Embedding, "m_x2", null, "2026-01-02T00:00:00Z"));

        var neighbours = await SimilarAsync(to: [1, 0, 0], k: 10);

        Assert.Equal(["m_xy", "m_y", "m_x"], Ids(neighbours));
    }

    [Fact]
    public async Task Each_vector_line_gets_a_partial_hnsw_index_for_its_dimension()
    {
        var indexes = await Sql.StringsAsync(Database.ConnectionString, "SELECT indexdef FROM pg_indexes WHERE tablename = 'ai_feature_vectors' AND indexname LIKE 'ix_vectors_%'");

        var index = Assert.Single(indexes);
        Assert.Contains("USING hnsw (((embedding)::vector(3)) vector_cosine_ops)", index, StringComparison.Ordinal);
        Assert.Contains("version_major = 1", index, StringComparison.Ordinal);
        Assert.Contains("vector_dims(embedding) = 3", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_major_version_with_another_dimension_is_searched_apart_from_the_old_line()
    {
        await WriteVectorsAsync();
        var definition = new
        {
            name = Embedding, version = "2.0.0", entityType = "message", valueType = new { kind = "vector", dimension = 2 }, refresh = "real-time",
            computation = new { source = "messages", aggregation = "embedding", field = "text" },
        };
        var applied = await Client.QueryAsync("mutation($d: [JSON!]!) { applyFeatureDefinitions(definitions: $d) { applied } }", new { d = new[] { definition } });
        Assert.False(applied.TryGetProperty("errors", out var errors), errors.ToString());
        await WriteAsync(Value(Embedding, "m_new", new[] { 1.0, 0.0 }, At));

        Assert.Equal(["m_new"], Ids(await SimilarAsync(to: [1, 0], k: 5)));
        Assert.Equal(["m_x", "m_x2"], Ids(await SimilarAsync(to: [1, 0, 0], k: 2, feature: Embedding + "@1")));
        Assert.Equal(2, (await Sql.StringsAsync(Database.ConnectionString, "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ix_vectors_%'")).Count);
    }

    [Theory]
    [InlineData("""{"f": "msg:test_vec", "to": [1, 0], "k": 3}""", "INVALID_VALUE")]
    [InlineData("""{"f": "msg:test_vec", "to": [0, 0, 0], "k": 3}""", "INVALID_VALUE")]
    [InlineData("""{"f": "msg:test_vec", "to": [1, 0, 0], "e": "m_x", "k": 3}""", "INVALID_ARGUMENT")]
    [InlineData("""{"f": "msg:test_vec", "k": 3}""", "INVALID_ARGUMENT")]
    [InlineData("""{"f": "msg:test_vec", "e": "no_such_message", "k": 3}""", "INVALID_ARGUMENT")]
    [InlineData("""{"f": "user:test_rate", "to": [1, 0, 0], "k": 3}""", "INVALID_ARGUMENT")]
    [InlineData("""{"f": "msg:nope", "to": [1, 0, 0], "k": 3}""", "FEATURE_NOT_FOUND")]
    [InlineData("""{"f": "msg:test_vec@7", "to": [1, 0, 0], "k": 3}""", "VERSION_NOT_FOUND")]
    [InlineData("""{"f": "msg:test_vec", "to": [1, 0, 0], "k": 0}""", "LIMIT_EXCEEDED")]
    [InlineData("""{"f": "msg:test_vec", "to": [1, 0, 0], "k": 1001}""", "LIMIT_EXCEEDED")]
    public async Task Bad_searches_get_a_code_that_names_the_problem(string variables, string code)
    {
        await WriteVectorsAsync();

        var body = await Client.QueryAsync(Query, JsonDocument.Parse(variables).RootElement);

        Assert.Equal(code, GraphQLTestClient.ErrorCode(body));
        Assert.Equal(4, Ids(await SimilarAsync(to: [1, 0, 0], k: 10)).Count);
    }

    private async Task WriteVectorsAsync() => await WriteAsync(
        Value(Embedding, "m_x", new[] { 1.0, 0.0, 0.0 }, At),
        Value(Embedding, "m_x2", new[] { 2.0, 0.1, 0.0 }, At),
        Value(Embedding, "m_xy", new[] { 1.0, 1.0, 0.0 }, At),
        Value(Embedding, "m_y", new[] { 0.0, 1.0, 0.0 }, At));

    private async Task<List<JsonElement>> SimilarAsync(double[]? to = null, string? toEntity = null, int k = 3, string feature = Embedding)
    {
        var body = await Client.QueryAsync(Query, new { f = feature, to, e = toEntity, k });
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return [.. body.GetProperty("data").GetProperty("similar").EnumerateArray()];
    }

    private static List<string> Ids(List<JsonElement> neighbours) => [.. neighbours.Select(n => n.GetProperty("entity").GetProperty("id").GetString()!)];
}
