using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace FeatureStore.Drift.Tests.Worker;

/// <summary>A webhook receiver on a free loopback port: keeps every POSTed JSON body and answers 204.</summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookListener()
    {
        Url = new Uri($"http://127.0.0.1:{FreePort()}/alerts/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<JsonElement> Posts { get; } = new();

    /// <summary>The alerts received for <paramref name="subject"/> from <paramref name="check"/>.</summary>
    public int CountFor(string subject, string check) =>
        Posts.Count(p => p.GetProperty("subject").GetString() == subject && p.GetProperty("check").GetString() == check);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (context.Request.HttpMethod == "POST")
            {
                Posts.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.InputStream));
            }

            context.Response.StatusCode = context.Request.HttpMethod == "POST" ? 204 : 405;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
