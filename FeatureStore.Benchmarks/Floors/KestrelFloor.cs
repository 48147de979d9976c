using System.Net;
using System.Text.Json;
using FeatureStore.Benchmarks.Data;
using FeatureStore.Benchmarks.Gateway;
using FeatureStore.Benchmarks.Measuring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeatureStore.Benchmarks.Floors;

/// <summary>
/// The HTTP floor: a Kestrel minimal-API endpoint in this process (loopback, random port) that does
/// what the gateway must at least do without GraphQL: one HGETALL, or 100 pipelined, answered as
/// JSON (field → stored payload). The gap between it and the gateway is GraphQL plus our code.
/// </summary>
internal sealed class KestrelFloor : IAsyncDisposable
{
    public const string One = "floor: Kestrel 1 HGETALL -> JSON";
    public const string Hundred = "floor: Kestrel 100 HGETALL -> JSON";
    private readonly WebApplication _app;

    private KestrelFloor(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<KestrelFloor> StartAsync(IConnectionMultiplexer redis, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/entity/{id}", async (string id) =>
            Results.Json(Fields(await redis.GetDatabase().HashGetAllAsync(RedisFloor.Key(id)))));
        app.MapPost("/entities", async ([FromBody] string[] ids) =>
        {
            var database = redis.GetDatabase();
            var hashes = await Task.WhenAll(ids.Select(id => database.HashGetAllAsync(RedisFloor.Key(id))));
            var answer = new Dictionary<string, Dictionary<string, string>>(ids.Length, StringComparer.Ordinal);
            for (var i = 0; i < ids.Length; i++)
            {
                answer[ids[i]] = Fields(hashes[i]);
            }

            return Results.Json(answer);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"kestrel floor: {address}");
        return new KestrelFloor(app, new Uri(address));
    }

    public static IEnumerable<Probe> Probes(GatewayClient client, ServingDataset data, int manyEntities)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(data);
        yield return new Probe(One, random =>
        {
            byte[] answer = [];
            var path = "/entity/" + ServingDataset.EntityId(random.Next(data.Entities));
            return new Call(async ct => answer = await client.GetAsync(path, ct), () => Check(answer, 1, data.Features.Count));
        });
        yield return new Probe(Hundred, random =>
        {
            byte[] answer = [];
            var ids = RandomEntities.Distinct(random, manyEntities, data.Entities).Select(ServingDataset.EntityId).ToArray();
            var body = JsonSerializer.SerializeToUtf8Bytes(ids);
            return new Call(async ct => answer = await client.PostJsonAsync("/entities", body, ct), () => Check(answer, ids.Length, data.Features.Count));
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Dictionary<string, string> Fields(HashEntry[] entries)
    {
        var fields = new Dictionary<string, string>(entries.Length, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            fields[entry.Name.ToString()] = entry.Value.ToString();
        }

        return fields;
    }

    private static void Check(byte[] answer, int entities, int features)
    {
        using var document = JsonDocument.Parse(answer);
        var root = document.RootElement;
        var hashes = entities == 1 ? [root] : root.EnumerateObject().Select(p => p.Value).ToList();
        if (hashes.Count != entities || hashes.Any(h => h.EnumerateObject().Count() != features))
        {
            throw new InvalidOperationException("Kestrel floor: wrong answer: " + System.Text.Encoding.UTF8.GetString(answer)[..Math.Min(answer.Length, 300)]);
        }
    }
}
