using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeatureStore.Core.Transformers.Text;

/// <summary>
/// Embeddings from any server that speaks OpenAI's API (OpenAI, Azure OpenAI's v1 surface, vLLM,
/// Ollama, LM Studio, ...): <c>POST {BaseUrl}/embeddings</c> with <c>{"model", "input": [...]}</c>,
/// answered with <c>data[i].embedding</c>. Texts go in batches of <see cref="OpenAiEmbeddingOptions.MaxBatchSize"/>;
/// a wrong count or dimension in the answer is an error, never a silently truncated vector.
/// Error messages name the URL and status, never the API key.
/// </summary>
public sealed class OpenAiCompatibleEmbedder : IEmbeddingProvider, IDisposable
{
    /// <summary>The configuration name of this provider.</summary>
    public const string ProviderName = "openai";

    private const int MaxErrorBodyChars = 500;

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly OpenAiEmbeddingOptions _options;
    private readonly Uri _endpoint;

    /// <summary>A provider that sends its requests through <paramref name="http"/> (which the caller owns).</summary>
    public OpenAiCompatibleEmbedder(HttpClient http, OpenAiEmbeddingOptions options)
        : this(http, options, ownsHttp: false)
    {
    }

    internal OpenAiCompatibleEmbedder(HttpClient http, OpenAiEmbeddingOptions options, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var problem = new EmbeddingOptions { Provider = ProviderName, OpenAi = options }.Problem();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _http = http;
        _ownsHttp = ownsHttp;
        _options = options;
        var root = options.BaseUrl!.AbsoluteUri;
        _endpoint = new Uri(root.EndsWith('/') ? root + "embeddings" : root + "/embeddings");
    }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, int dimension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(_options.MaxBatchSize))
        {
            vectors.AddRange(await EmbedBatchAsync(batch, dimension, cancellationToken));
        }

        return vectors;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<float[][]> EmbedBatchAsync(string[] texts, int dimension, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["model"] = _options.Model,
            ["input"] = new JsonArray(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        };
        if (_options.SendDimensions)
        {
            body["dimensions"] = dimension;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = JsonContent.Create(body) };
        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        JsonDocument answer;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new EmbeddingProviderException(
                    $"POST {_endpoint} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(detail)}");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            answer = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new EmbeddingProviderException($"POST {_endpoint} failed: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new EmbeddingProviderException($"POST {_endpoint} answered with invalid JSON: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmbeddingProviderException($"POST {_endpoint} timed out after {_http.Timeout}", e);
        }

        using (answer)
        {
            return Read(answer.RootElement, texts.Length, dimension);
        }
    }

    // data[i].embedding, placed by data[i].index when the server gives one (OpenAI does; order is not promised).
    private float[][] Read(JsonElement root, int expected, int dimension)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw new EmbeddingProviderException($"POST {_endpoint} answered without a data array");
        }

        if (data.GetArrayLength() != expected)
        {
            throw new EmbeddingProviderException($"POST {_endpoint} answered {data.GetArrayLength()} embeddings for {expected} texts");
        }

        var vectors = new float[expected][];
        var position = 0;
        foreach (var item in data.EnumerateArray())
        {
            var index = item.TryGetProperty("index", out var i) && i.ValueKind == JsonValueKind.Number ? i.GetInt32() : position;
            if (index < 0 || index >= expected || vectors[index] is not null)
            {
                throw new EmbeddingProviderException($"POST {_endpoint} answered a missing or repeated index {index}");
            }

            if (!item.TryGetProperty("embedding", out var embedding) || embedding.ValueKind != JsonValueKind.Array)
            {
                throw new EmbeddingProviderException($"POST {_endpoint} answered item {index} without an embedding array");
            }

            if (embedding.GetArrayLength() != dimension)
            {
                throw new EmbeddingProviderException(
                    $"model '{_options.Model}' at {_endpoint} answered {embedding.GetArrayLength()} components; the feature declares {dimension}. "
                    + "Pick a model of that size, or one that honours the dimensions parameter (SendDimensions).");
            }

            vectors[index] = embedding.EnumerateArray().Select(c => c.GetSingle()).ToArray();
            position++;
        }

        return vectors;
    }

    private static string Truncate(string text) => text.Length <= MaxErrorBodyChars ? text : text[..MaxErrorBodyChars] + "…";
}
