using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FeatureStore.Core.Tests.Transformers.Text;

/// <summary>A tiny HTTP server on 127.0.0.1 answering every request with what the test says, recording what it got.</summary>
internal sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, (int Status, string Body)> _answer;
    private readonly Task _loop;

    public CannedHttpServer(Func<RecordedRequest, (int Status, string Body)> answer)
    {
        _answer = answer;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/v1");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public List<RecordedRequest> Requests { get; } = [];

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var recorded = new RecordedRequest(
                context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], await reader.ReadToEndAsync());
            lock (Requests)
            {
                Requests.Add(recorded);
            }

            var (status, body) = _answer(recorded);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

/// <summary>What the server received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body);
