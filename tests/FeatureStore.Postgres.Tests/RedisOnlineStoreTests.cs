using System.Text.Json;
using FeatureStore.Core.Values;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;

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
}
