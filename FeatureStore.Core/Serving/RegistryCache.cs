using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.State;

namespace FeatureStore.Core.Serving;

/// <summary>
/// The registry as serving sees it: every feature in memory, reloaded at most every
/// <see cref="MaxAge"/> and at once after a change made through this process. A read never waits
/// on Postgres unless the snapshot is older than that.
/// </summary>
public sealed class RegistryCache(IFeatureRegistry registry, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;
    private long _invalidations;

    /// <summary>How stale a snapshot may be before a read reloads it (changes made elsewhere show up within this).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Every registered feature by name.</summary>
    public async Task<IReadOnlyDictionary<string, RegisteredFeature>> GetAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < MaxAge)
        {
            return fresh.Features;
        }

        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } reloaded && clock.GetUtcNow() - reloaded.LoadedAt < MaxAge)
            {
                return reloaded.Features;
            }

            var loadedAt = clock.GetUtcNow();
            var invalidations = Interlocked.Read(ref _invalidations);
            var features = (await registry.ListAsync(new FeatureQuery(), cancellationToken)).ToDictionary(f => f.Name, StringComparer.Ordinal);
            // A change made while this reload ran may be missing from it: keep it for this read only.
            if (Interlocked.Read(ref _invalidations) == invalidations)
            {
                _snapshot = new Snapshot(features, loadedAt);
            }

            return features;
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Forgets the snapshot: the next read reloads it (called after this process changes the registry).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _invalidations);
        _snapshot = null;
    }

    /// <inheritdoc />
    public void Dispose() => _reload.Dispose();

    private sealed record Snapshot(IReadOnlyDictionary<string, RegisteredFeature> Features, DateTimeOffset LoadedAt);
}
