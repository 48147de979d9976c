using System.Text.Json;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Options;

namespace FeatureStore.Core.Tests.Serving;

/// <summary>The in-process cache's bookkeeping: what a full cache drops, and when a fill is refused.</summary>
public sealed class CurrentValueCacheTests
{
    [Fact]
    public void A_full_cache_keeps_the_keys_read_since_the_last_sweep_and_drops_the_others()
    {
        var cache = Listening(maxEntries: 10);
        var keys = Enumerable.Range(0, 10).Select(Key).ToList();
        Fill(cache, keys);
        foreach (var key in keys.Take(4))
        {
            Assert.True(cache.TryGet(key, out _));
        }

        Fill(cache, [Key(10)]);

        Assert.All(keys.Take(4), key => Assert.True(cache.TryGet(key, out _), $"{key.EntityId} was read and must stay"));
        Assert.All(keys.Skip(4), key => Assert.False(cache.TryGet(key, out _), $"{key.EntityId} was never read and must go"));
        Assert.True(cache.TryGet(Key(10), out var added));
        Assert.Equal(10, added!.Value.GetInt32());
    }

    [Fact]
    public void A_full_cache_where_everything_was_read_still_makes_room()
    {
        var cache = Listening(maxEntries: 10);
        var keys = Enumerable.Range(0, 10).Select(Key).ToList();
        Fill(cache, keys);
        keys.ForEach(key => cache.TryGet(key, out _));

        Fill(cache, [Key(10)]);

        Assert.InRange(cache.Count, 1, 10);
        Assert.True(cache.TryGet(Key(10), out _));
    }

    [Fact]
    public void A_fill_begun_before_an_eviction_is_refused_and_a_new_epoch_starts_empty()
    {
        var cache = Listening(maxEntries: 10);
        var generation = cache.Generation;
        cache.Evict([Key(99)]);
        Fill(cache, [Key(1)], generation);
        Assert.False(cache.TryGet(Key(1), out _));

        Fill(cache, [Key(1)]);
        var epoch = cache.Epoch;
        cache.StopListening();
        cache.StartListening();

        Assert.Equal(epoch + 1, cache.Epoch);
        Assert.Equal(0, cache.Count);
        Assert.Equal(10, cache.Room);
    }

    private static CurrentValueCache Listening(int maxEntries)
    {
        var cache = new CurrentValueCache(Options.Create(new CacheOptions { Enabled = true, MaxEntries = maxEntries }), TimeProvider.System);
        cache.StartListening();
        return cache;
    }

    private static FeatureKey Key(int i) => new("user:rate", 1, "user", $"u{i}");

    private static void Fill(CurrentValueCache cache, IReadOnlyList<FeatureKey> keys, long? generation = null) =>
        cache.Fill(keys, keys.ToDictionary(k => k, k => new StoredValue(k, "1.0.0", JsonSerializer.SerializeToElement(int.Parse(k.EntityId[1..], System.Globalization.CultureInfo.InvariantCulture)),
            DateTimeOffset.UnixEpoch, null, DateTimeOffset.UnixEpoch)), generation ?? cache.Generation);
}
