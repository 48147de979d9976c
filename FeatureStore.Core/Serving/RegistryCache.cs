using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeatureStore.Core.Serving;

/// <summary>
/// The registry as serving sees it: every feature in memory. A snapshot older than
/// <see cref="MaxAge"/> is still served while a background reload replaces it (so no read waits on
/// Postgres for that); after a change made through this process the next read waits for the
/// reload, so the process sees its own changes at once.
/// </summary>
public sealed class RegistryCache(IFeatureRegistry registry, TimeProvider clock, ILogger<RegistryCache>? logger = null) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private readonly ILogger _logger = logger ?? NullLogger<RegistryCache>.Instance;
    private volatile Snapshot? _snapshot;
    private long _invalidations;
    private int _refreshing;

    /// <summary>How old a snapshot may get before a reload starts (changes made elsewhere show up within this, plus the reload).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Every registered feature by name.</summary>
    public async Task<IReadOnlyDictionary<string, RegisteredFeature>> GetAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is not { } current)
        {
            return await ReloadAsync(cancellationToken);
        }

        if (clock.GetUtcNow() - current.LoadedAt >= MaxAge && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = Task.Run(RefreshAsync, CancellationToken.None);
        }

        return current.Features;
    }

    /// <summary>Forgets the snapshot: the next read reloads it (called after this process changes the registry).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _invalidations);
        _snapshot = null;
    }

    /// <inheritdoc />
    public void Dispose() => _reload.Dispose();

    private async Task RefreshAsync()
    {
        try
        {
            await ReloadAsync(CancellationToken.None);
        }
        catch (Exception error)
        {
            // Keep serving the snapshot we have; the next read past MaxAge tries again.
            _logger.LogWarning("Registry reload failed ({Message}); serving the previous snapshot", error.Message);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private async Task<IReadOnlyDictionary<string, RegisteredFeature>> ReloadAsync(CancellationToken cancellationToken)
    {
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

    private sealed record Snapshot(IReadOnlyDictionary<string, RegisteredFeature> Features, DateTimeOffset LoadedAt);
}
