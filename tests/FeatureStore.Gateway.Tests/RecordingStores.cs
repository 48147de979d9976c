using System.Collections.Concurrent;
using FeatureStore.Core.Values;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Gateway.Tests;

/// <summary>Wraps the real stores and records every call (kind and number of keys), to prove batching.</summary>
public sealed class RecordingStores
{
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Replaces the registered stores with recording wrappers around them.</summary>
    public void Decorate(IServiceCollection services)
    {
        Wrap<IOnlineStore>(services, inner => new Online(inner, Calls));
        Wrap<IOfflineStore>(services, inner => new Offline(inner, Calls));
    }

    private static void Wrap<T>(IServiceCollection services, Func<T, T> wrap) where T : class
    {
        var registration = services.Single(s => s.ServiceType == typeof(T));
        services.Remove(registration);
        services.AddSingleton(sp => wrap((T)ActivatorUtilities.CreateInstance(sp, registration.ImplementationType!)));
    }

    private sealed class Online(IOnlineStore inner, ConcurrentQueue<string> calls) : IOnlineStore
    {
        public Task<IReadOnlyDictionary<FeatureKey, StoredValue>> ReadAsync(IReadOnlyCollection<FeatureKey> keys, CancellationToken cancellationToken)
        {
            calls.Enqueue($"online.read {keys.Count} keys");
            return inner.ReadAsync(keys, cancellationToken);
        }

        // A cache warm-up's scan, not a request's read: not recorded.
        public IAsyncEnumerable<IReadOnlyList<StoredValue>> ScanAsync(CancellationToken cancellationToken) => inner.ScanAsync(cancellationToken);

        public Task WriteAsync(IReadOnlyList<StoredValue> values, CancellationToken cancellationToken)
        {
            calls.Enqueue($"online.write {values.Count} values");
            return inner.WriteAsync(values, cancellationToken);
        }
    }

    private sealed class Offline(IOfflineStore inner, ConcurrentQueue<string> calls) : IOfflineStore
    {
        public Task<IReadOnlyList<StoredValue>> WriteAsync(IReadOnlyList<ValueWrite> writes, CancellationToken cancellationToken)
        {
            calls.Enqueue($"offline.write {writes.Count} values");
            return inner.WriteAsync(writes, cancellationToken);
        }

        public Task<IReadOnlyDictionary<PointInTime, StoredValue>> ReadAsOfAsync(IReadOnlyCollection<PointInTime> points, CancellationToken cancellationToken)
        {
            calls.Enqueue($"offline.asOf {points.Count} points at {points.Select(p => p.AsOf).Distinct().Count()} instants");
            return inner.ReadAsOfAsync(points, cancellationToken);
        }

        public Task<IReadOnlyList<StoredValue>> CurrentWrittenSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
        {
            calls.Enqueue("offline.currentWrittenSince");
            return inner.CurrentWrittenSinceAsync(since, cancellationToken);
        }

        public Task<IReadOnlyList<string>> EntitiesAsOfAsync(IReadOnlyCollection<(string Feature, int ValueLine)> lines, string entityType, DateTimeOffset asOf, string? after, int limit, CancellationToken cancellationToken)
        {
            calls.Enqueue($"offline.entitiesAsOf {lines.Count} lines limit {limit}");
            return inner.EntitiesAsOfAsync(lines, entityType, asOf, after, limit, cancellationToken);
        }

        public Task<IReadOnlyDictionary<FeatureKey, StoredValue>> ReadCurrentAsync(IReadOnlyCollection<FeatureKey> keys, CancellationToken cancellationToken)
        {
            calls.Enqueue($"offline.current {keys.Count} keys");
            return inner.ReadCurrentAsync(keys, cancellationToken);
        }
    }
}
