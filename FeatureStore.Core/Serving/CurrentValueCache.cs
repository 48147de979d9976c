using System.Collections.Concurrent;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Options;

namespace FeatureStore.Core.Serving;

/// <summary>
/// The gateway's in-process cache of current values (found or known missing), for hot entities.
/// Entries are evicted when a change notice arrives; while notices cannot be received (Redis
/// subscription down) the cache is off, so it never serves a value older than the last write by
/// more than the notice's delivery time.
/// </summary>
public sealed class CurrentValueCache(IOptions<CacheOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<FeatureKey, Entry> _entries = new();
    private readonly CacheOptions _options = options.Value;
    private readonly Lock _writes = new();
    private long _evictions;
    private volatile bool _listening;

    /// <summary>True when enabled and change notices are being received.</summary>
    public bool IsActive => _options.Enabled && _listening;

    /// <summary>A number that grows with every eviction; a read that began before it changed must not fill the cache.</summary>
    public long Generation => Interlocked.Read(ref _evictions);

    /// <summary>The cached current value; <paramref name="value"/> null means known missing.</summary>
    public bool TryGet(FeatureKey key, out StoredValue? value)
    {
        value = null;
        if (!IsActive || !_entries.TryGetValue(key, out var entry))
        {
            ServingMetrics.CacheMisses.Add(1);
            return false;
        }

        if (clock.GetUtcNow() - entry.CachedAt > _options.MaxAge)
        {
            _entries.TryRemove(key, out _);
            ServingMetrics.CacheMisses.Add(1);
            return false;
        }

        ServingMetrics.CacheHits.Add(1);
        value = entry.Value;
        return true;
    }

    /// <summary>Caches what a read found (null: missing), unless anything was evicted since <paramref name="generation"/>.</summary>
    public void Fill(IEnumerable<FeatureKey> keys, IReadOnlyDictionary<FeatureKey, StoredValue> found, long generation)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(found);
        // Under the same lock as evictions: an eviction cannot slip between the check and the fill.
        lock (_writes)
        {
            if (!IsActive || Generation != generation)
            {
                return;
            }

            if (_entries.Count > _options.MaxEntries)
            {
                _entries.Clear();
            }

            var now = clock.GetUtcNow();
            foreach (var key in keys)
            {
                _entries[key] = new Entry(found.GetValueOrDefault(key), now);
            }
        }
    }

    /// <summary>Drops changed keys (a change notice arrived).</summary>
    public void Evict(IEnumerable<FeatureKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_writes)
        {
            Interlocked.Increment(ref _evictions);
            foreach (var key in keys)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Notices are (again) being received: the cache may serve. Starts empty.</summary>
    public void StartListening()
    {
        lock (_writes)
        {
            Interlocked.Increment(ref _evictions);
            _entries.Clear();
            _listening = true;
        }
    }

    /// <summary>Notices may be lost (subscription down): stop serving from the cache and forget it.</summary>
    public void StopListening()
    {
        lock (_writes)
        {
            _listening = false;
            Interlocked.Increment(ref _evictions);
            _entries.Clear();
        }
    }

    private sealed record Entry(StoredValue? Value, DateTimeOffset CachedAt);
}
