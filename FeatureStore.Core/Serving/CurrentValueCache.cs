using System.Collections.Concurrent;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Options;

namespace FeatureStore.Core.Serving;

/// <summary>
/// The gateway's in-process cache of current values (found or known missing), for hot entities.
/// Entries are evicted when a change notice arrives; while notices cannot be received (Redis
/// subscription down) the cache is off, so it never serves a value older than the last write by
/// more than the notice's delivery time. When full, entries not read since the last sweep go
/// first (second chance), so a long-tailed workload keeps its hot keys.
/// </summary>
public sealed class CurrentValueCache(IOptions<CacheOptions> options, TimeProvider clock)
{
    // One lock: writes are serialized by _writes anyway, and reads take none. The default grows its lock array
    // with the table (to 1,024 locks here), and Count takes every lock: a warm-up, which checks the room for each
    // key it adds, spent most of its CPU there (17 % of the machine during an export, by perf).
    private readonly ConcurrentDictionary<FeatureKey, Entry> _entries = new(concurrencyLevel: 1, capacity: 1_024);
    private readonly CacheOptions _options = options.Value;
    private readonly Lock _writes = new();
    private long _evictions;
    private int _epoch;
    private volatile bool _listening;

    /// <summary>True when enabled and change notices are being received.</summary>
    public bool IsActive => _options.Enabled && _listening;

    /// <summary>A number that grows with every eviction; a read that began before it changed must not fill the cache.</summary>
    public long Generation => Interlocked.Read(ref _evictions);

    /// <summary>Grows each time the cache starts serving (again), empty: a warm-up is due once per epoch.</summary>
    public int Epoch => Volatile.Read(ref _epoch);

    /// <summary>How many keys are cached now.</summary>
    public int Count => _entries.Count;

    /// <summary>Room left before a sweep: warm-ups stop here.</summary>
    public int Room => Math.Max(0, _options.MaxEntries - _entries.Count);

    /// <summary>The cached current value; <paramref name="value"/> null means known missing.</summary>
    public bool TryGet(FeatureKey key, out StoredValue? value)
    {
        value = null;
        if (!IsActive || !_entries.TryGetValue(key, out var entry))
        {
            ServingMetrics.CacheMisses.Add(1);
            return false;
        }

        if (clock.GetUtcNow().UtcTicks - entry.CachedAt > _options.MaxAge.Ticks)
        {
            _entries.TryRemove(key, out _);
            ServingMetrics.CacheMisses.Add(1);
            return false;
        }

        ServingMetrics.CacheHits.Add(1);
        entry.Read = true;
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

            if (_entries.Count >= _options.MaxEntries)
            {
                Sweep();
            }

            var now = clock.GetUtcNow();
            foreach (var key in keys)
            {
                _entries[key] = new Entry(found.GetValueOrDefault(key), now);
            }
        }
    }

    /// <summary>
    /// Re-stamps cached keys with what a fresh read of the online store found and adds keys while there is room (a
    /// warm-up is the same pass over an empty cache),
    /// unless anything was evicted since <paramref name="generation"/>: a periodic refresh keeps warmed entries from
    /// reaching <see cref="CacheOptions.MaxAge"/>, while every entry still reflects a read of the store at most that
    /// old. Read marks stay, so a refresh does not change what a sweep drops. Returns how many keys it stamped.
    /// </summary>
    public int Refresh(IReadOnlyDictionary<FeatureKey, StoredValue> found, long generation)
    {
        ArgumentNullException.ThrowIfNull(found);
        lock (_writes)
        {
            if (!IsActive || Generation != generation)
            {
                return 0;
            }

            var now = clock.GetUtcNow();
            var stamped = 0;
            foreach (var (key, value) in found)
            {
                var cached = _entries.GetValueOrDefault(key);
                if (cached is null && _entries.Count >= _options.MaxEntries)
                {
                    continue;
                }

                if (cached?.Value is { } held && SameWrite(held, value))
                {
                    // The usual case: only the stamp changes, and the entry the heap already holds stays.
                    cached.CachedAt = now.UtcTicks;
                }
                else
                {
                    _entries[key] = new Entry(value, now) { Read = cached?.Read ?? false };
                }

                stamped++;
            }

            return stamped;
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
            Interlocked.Increment(ref _epoch);
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

    // Second chance: entries read since the last sweep stay (and lose their mark), the rest go,
    // until a tenth of the room is free; a cache where everything was read loses arbitrary entries.
    private void Sweep()
    {
        var target = _options.MaxEntries - Math.Max(1, _options.MaxEntries / 10);
        foreach (var (key, entry) in _entries)
        {
            if (!entry.Read)
            {
                _entries.TryRemove(key, out _);
            }
            else
            {
                entry.Read = false;
            }
        }

        foreach (var key in _entries.Keys)
        {
            if (_entries.Count <= target)
            {
                break;
            }

            _entries.TryRemove(key, out _);
        }

        ServingMetrics.CacheSweeps.Add(1);
    }

    // A write is known by its instant, its computation time and its version: the same three, the same value.
    private static bool SameWrite(StoredValue held, StoredValue read) =>
        held.ValidFrom == read.ValidFrom && held.ComputedAt == read.ComputedAt && held.Version == read.Version;

    private sealed class Entry(StoredValue? value, DateTimeOffset cachedAt)
    {
        public StoredValue? Value { get; } = value;

        // UTC ticks: one word, so a reader racing a refresh sees the old stamp or the new one. Moved forward by a
        // refresh that read the same write again.
        public long CachedAt { get; set; } = cachedAt.UtcTicks;

        // Racy on purpose: a lost mark only costs a second chance.
        public bool Read { get; set; }
    }
}
