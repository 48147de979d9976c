using System.Text.Json;
using FeatureStore.Core.Transformers.Text;

namespace FeatureStore.Core.Tests.Transformers.Text;

public sealed class OpenAiCompatibleEmbedderTests
{
    private const string ApiKey = "sk-test-secret";

    [Fact]
    public async Task Posts_model_input_and_dimensions_with_the_key_and_places_vectors_by_index()
    {
        // Items answered out of order: the index, not the position, says which text a vector belongs to.
        await using var server = new CannedHttpServer(_ => (200, """
            { "object": "list", "model": "text-embedding-3-small",
              "data": [ { "object": "embedding", "index": 1, "embedding": [0.5, 0.5, 0.5, 0.5] },
                        { "object": "embedding", "index": 0, "embedding": [1, 0, 0, 0] } ] }
            """));
        using var http = new HttpClient();
        var embedder = new OpenAiCompatibleEmbedder(http, Options(server));

        var vectors = await embedder.EmbedAsync(["hola", "¿qué tal?"], 4, CancellationToken.None);

        Assert.Equal([1f, 0f, 0f, 0f], vectors[0]);
        Assert.Equal([0.5f, 0.5f, 0.5f, 0.5f], vectors[1]);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/embeddings", $"Bearer {ApiKey}"), (request.Method, request.Path, request.Authorization));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("text-embedding-3-small", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(["hola", "¿qué tal?"], body.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(4, body.RootElement.GetProperty("dimensions").GetInt32());
    }

    [Fact]
    public async Task Large_inputs_go_in_batches_and_keep_their_order()
    {
        await using var server = new CannedHttpServer(r =>
        {
            using var body = JsonDocument.Parse(r.Body);
            var items = body.RootElement.GetProperty("input").EnumerateArray()
                .Select((t, i) => new { index = i, embedding = new[] { float.Parse(t.GetString()!, System.Globalization.CultureInfo.InvariantCulture), 0 } });
            return (200, JsonSerializer.Serialize(new { data = items }));
        });
        using var http = new HttpClient();
        var options = Options(server);
        options.MaxBatchSize = 2;

        var vectors = await new OpenAiCompatibleEmbedder(http, options).EmbedAsync(["1", "2", "3", "4", "5"], 2, CancellationToken.None);

        Assert.Equal([1f, 2f, 3f, 4f, 5f], vectors.Select(v => v[0]));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Without_a_key_or_dimensions_neither_is_sent_and_nothing_is_asked_for_no_texts()
    {
        await using var server = new CannedHttpServer(_ => (200, """{ "data": [ { "embedding": [0.1, 0.2] } ] }"""));
        using var http = new HttpClient();
        var options = Options(server);
        options.ApiKey = null;
        options.SendDimensions = false;
        var embedder = new OpenAiCompatibleEmbedder(http, options);

        Assert.Empty(await embedder.EmbedAsync([], 2, CancellationToken.None));
        Assert.Empty(server.Requests);
        var vectors = await embedder.EmbedAsync(["x"], 2, CancellationToken.None);
        Assert.Equal([0.1f, 0.2f], vectors[0]);
        var request = Assert.Single(server.Requests);
        Assert.Null(request.Authorization);
        Assert.False(JsonDocument.Parse(request.Body).RootElement.TryGetProperty("dimensions", out _));
    }

    [Fact]
    public async Task A_vector_of_another_dimension_is_a_clear_error()
    {
        await using var server = new CannedHttpServer(_ => (200, """{ "data": [ { "index": 0, "embedding": [0.1, 0.2, 0.3] } ] }"""));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<EmbeddingProviderException>(() =>
            new OpenAiCompatibleEmbedder(http, Options(server)).EmbedAsync(["hola"], 384, CancellationToken.None));

        Assert.Contains("3 components", error.Message, StringComparison.Ordinal);
        Assert.Contains("384", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, """{ "error": { "message": "model overloaded" } }""", "500")]
    [InlineData(401, """{ "error": { "message": "invalid api key" } }""", "invalid api key")]
    [InlineData(200, """{ "data": [] }""", "0 embeddings for 1 texts")]
    [InlineData(200, """{ "object": "list" }""", "without a data array")]
    [InlineData(200, """{ "data": [ { "index": 0 } ] }""", "without an embedding array")]
    [InlineData(200, "<html>gateway</html>", "invalid JSON")]
    public async Task Failures_and_malformed_answers_are_clear_errors_without_the_key(int status, string body, string expected)
    {
        await using var server = new CannedHttpServer(_ => (status, body));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<EmbeddingProviderException>(() =>
            new OpenAiCompatibleEmbedder(http, Options(server)).EmbedAsync(["hola"], 2, CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_clear_error()
    {
        using var http = new HttpClient();
        var options = new OpenAiEmbeddingOptions { BaseUrl = new Uri($"http://127.0.0.1:{CannedHttpServer.FreePort()}/v1"), Model = "m" };

        var error = await Assert.ThrowsAsync<EmbeddingProviderException>(() =>
            new OpenAiCompatibleEmbedder(http, options).EmbedAsync(["hola"], 2, CancellationToken.None));

        Assert.Contains("/v1/embeddings failed", error.Message, StringComparison.Ordinal);
    }

    private static OpenAiEmbeddingOptions Options(CannedHttpServer server) =>
        new() { BaseUrl = server.BaseUrl, Model = "text-embedding-3-small", ApiKey = ApiKey };
}
