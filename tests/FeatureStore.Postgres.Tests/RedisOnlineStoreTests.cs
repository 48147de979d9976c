using System.Text.Json;
using FeatureStore.Core.Values;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FeatureStore.Postgres.Tests;

/// <summary>The Redis online store against the real Redis: writes finishing out of order never push a key back in time.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class RedisOnlineStoreTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task An_older_value_arriving_late_does_not_replace_a_newer_one_but_a_rewrite_of_the_same_instant_does()
    {
        await using var database = await MigratedDatabase.CreateAsync(infrastructure, "redisorder");
        var online = database.Services.GetRequiredService<IOnlineStore>();
        var key = new FeatureKey("user:order_test", 1, "user", "u-" + Guid.NewGuid().ToString("N")[..8]);
        var t1 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var t2 = t1.AddDays(1);
        StoredValue At(DateTimeOffset from, string value, int second) =>
            new(key, "1.0.0", JsonSerializer.SerializeToElement(value), from, null, t2.AddSeconds(second));

        await online.WriteAsync([At(t2, "new", 1)], CancellationToken.None);
        await online.WriteAsync([At(t1, "old", 2)], CancellationToken.None);
        var afterLate = (await online.ReadAsync([key], CancellationToken.None))[key];
        await online.WriteAsync([At(t2, "corrected", 3)], CancellationToken.None);
        var afterRewrite = (await online.ReadAsync([key], CancellationToken.None))[key];

        Assert.Equal(("\"new\"", t2), (afterLate.Value.GetRawText(), afterLate.ValidFrom));
        Assert.Equal("\"corrected\"", afterRewrite.Value.GetRawText());
    }

    [Fact]
    public async Task Within_one_write_a_key_named_twice_keeps_the_newer_value_and_a_payload_in_another_field_order_is_still_compared()
    {
        await using var database = await MigratedDatabase.CreateAsync(infrastructure, "redisstamps");
        var online = database.Services.GetRequiredService<IOnlineStore>();
        var id = "u-" + Guid.NewGuid().ToString("N")[..8];
        var twice = new FeatureKey("user:order_test", 1, "user", id);
        var foreign = new FeatureKey("user:other_test", 1, "user", id);
        var t1 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var t2 = t1.AddDays(1);
        StoredValue At(FeatureKey key, DateTimeOffset from, string value) => new(key, "1.0.0", JsonSerializer.SerializeToElement(value), from, null, t2);
        // A payload whose instants do not end it (as no writer of this version stores one): it is decoded whole.
        var micros = (t2.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        await database.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .HashSetAsync($"fs:user:{id}", "user:other_test#1", $$"""{"from":{{micros}},"at":{{micros}},"v":"kept","ver":"1.0.0"}""");

        await online.WriteAsync([At(twice, t2, "new"), At(twice, t1, "old"), At(foreign, t1, "older")], CancellationToken.None);
        var read = await online.ReadAsync([twice, foreign], CancellationToken.None);

        Assert.Equal(("\"new\"", t2), (read[twice].Value.GetRawText(), read[twice].ValidFrom));
        Assert.Equal(("\"kept\"", t2), (read[foreign].Value.GetRawText(), read[foreign].ValidFrom));
    }
}
