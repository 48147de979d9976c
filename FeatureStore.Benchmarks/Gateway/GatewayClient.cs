using System.Net;
using System.Net.Http.Headers;

namespace FeatureStore.Benchmarks.Gateway;

/// <summary>
/// HTTP/1.1 with keep-alive to one gateway (or to the Kestrel floor), over at most
/// <c>connections</c> connections: one for latency runs, so every request reuses the same socket.
/// </summary>
internal sealed class GatewayClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;

    public GatewayClient(Uri baseAddress, int connections = 1)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public HttpClient Http => _http;

    /// <summary>Posts a prepared GraphQL body and returns the whole answer; a non-200 status throws with the body.</summary>
    public Task<byte[]> PostGraphQLAsync(byte[] body, CancellationToken cancellationToken) => PostJsonAsync("/graphql", body, cancellationToken);

    public async Task<byte[]> PostJsonAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? answer
            : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer)}");
    }

    public async Task<byte[]> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? answer
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer)}");
    }

    public void Dispose() => _http.Dispose();
}
