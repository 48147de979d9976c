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

    [Fact]
    public void A_refresh_keeps_an_entry_past_max_age_and_takes_a_newer_write_while_one_not_refreshed_expires()
    {
        var clock = new ManualClock();
        var cache = Listening(maxEntries: 10, clock);
        Fill(cache, [Key(1), Key(2), Key(3)]);
        clock.Advance(TimeSpan.FromMinutes(6));

        var newer = Value(Key(2), 20) with { ValidFrom = DateTimeOffset.UnixEpoch.AddHours(1) };
        var stamped = cache.Refresh(new Dictionary<FeatureKey, StoredValue> { [Key(1)] = Value(Key(1), 1), [Key(2)] = newer }, cache.Generation);
        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(2, stamped);
        Assert.True(cache.TryGet(Key(1), out var same));
        Assert.Equal(1, same!.Value.GetInt32());
        Assert.True(cache.TryGet(Key(2), out var replaced));
        Assert.Equal(20, replaced!.Value.GetInt32());
        Assert.False(cache.TryGet(Key(3), out _), "not refreshed: older than MaxAge");
    }

    [Fact]
    public void A_refresh_adds_keys_only_while_there_is_room_keeps_read_marks_and_is_refused_after_an_eviction()
    {
        var cache = Listening(maxEntries: 3);
        Fill(cache, [Key(1), Key(2)]);
        Assert.True(cache.TryGet(Key(1), out _));

        var generation = cache.Generation;
        cache.Evict([Key(99)]);
        Assert.Equal(0, cache.Refresh(Values(Key(5)), generation));

        Assert.Equal(2, cache.Refresh(Values(Key(1), Key(3), Key(4)), cache.Generation));
        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet(Key(4), out _), "no room was left for it");

        // The sweep drops unread keys first: key 1 was read before the refresh and must keep that mark.
        Fill(cache, [Key(6)]);
        Assert.True(cache.TryGet(Key(1), out _));
    }

    private static CurrentValueCache Listening(int maxEntries, TimeProvider? clock = null)
    {
        var cache = new CurrentValueCache(Options.Create(new CacheOptions { Enabled = true, MaxEntries = maxEntries }), clock ?? TimeProvider.System);
        cache.StartListening();
        return cache;
    }

    private static StoredValue Value(FeatureKey key, int value) =>
        new(key, "1.0.0", JsonSerializer.SerializeToElement(value), DateTimeOffset.UnixEpoch, null, DateTimeOffset.UnixEpoch);

    private static Dictionary<FeatureKey, StoredValue> Values(params FeatureKey[] keys) =>
        keys.ToDictionary(k => k, k => Value(k, int.Parse(k.EntityId[1..], System.Globalization.CultureInfo.InvariantCulture)));

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private static FeatureKey Key(int i) => new("user:rate", 1, "user", $"u{i}");

    private static void Fill(CurrentValueCache cache, IReadOnlyList<FeatureKey> keys, long? generation = null) =>
        cache.Fill(keys, Values([.. keys]), generation ?? cache.Generation);
}
