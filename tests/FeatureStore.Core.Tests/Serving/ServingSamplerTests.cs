using System.Text.Json;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Options;

namespace FeatureStore.Core.Tests.Serving;

/// <summary>The serving sampler keeps its share of reads and never blocks: a full queue drops.</summary>
public sealed class ServingSamplerTests
{
    private static readonly FeatureKey Key = new("user:booking_rate", 1, "user", "u1");
    private static readonly DateTimeOffset At = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_fraction_of_one_keeps_every_read_with_the_value_the_online_store_held()
    {
        var sampler = Sampler(fraction: 1, capacity: 10);
        var stored = new StoredValue(Key, "1.0.0", JsonSerializer.SerializeToElement(0.5), At.AddHours(-1), null, At);

        sampler.Offer(Key, stored, At);
        sampler.Offer(Key with { EntityId = "u2" }, null, At);

        Assert.True(sampler.Pending.TryRead(out var first));
        Assert.Equal((Key, "0.5", At.AddHours(-1), At), (first.Key, first.Value.GetRawText(), first.ValidFrom, first.ServedAt));
        Assert.True(sampler.Pending.TryRead(out var missing));
        Assert.Equal((JsonValueKind.Null, (DateTimeOffset?)null), (missing.Value.ValueKind, missing.ValidFrom));
    }

    [Fact]
    public void A_fraction_of_zero_keeps_nothing() => Assert.Equal(0, Offered(Sampler(fraction: 0, capacity: 10), 100));

    [Fact]
    public void About_the_fraction_of_reads_is_kept() => Assert.InRange(Offered(Sampler(fraction: 0.1, capacity: 100_000), 20_000), 1_700, 2_300);

    [Fact]
    public void A_full_queue_drops_samples_instead_of_waiting() => Assert.Equal(5, Offered(Sampler(fraction: 1, capacity: 5), 50));

    private static ServingSampler Sampler(double fraction, int capacity) =>
        new(Options.Create(new ServingSampleOptions { Fraction = fraction, Capacity = capacity }));

    private static int Offered(ServingSampler sampler, int reads)
    {
        for (var i = 0; i < reads; i++)
        {
            sampler.Offer(Key, null, At);
        }

        var kept = 0;
        while (sampler.Pending.TryRead(out _))
        {
            kept++;
        }

        return kept;
    }
}
