using FeatureStore.Core.Computation.Runs;
using FeatureStore.Core.Values;

namespace FeatureStore.Core.Tests.Computation;

public sealed class StripeChunksTests
{
    private static readonly string[] Messages = [.. Enumerable.Range(0, 5_000).Select(i => $"m_{i:D6}").Order(StringComparer.Ordinal)];

    [Fact]
    public void Items_share_no_stripe_hold_every_entity_once_in_id_order_and_stay_within_the_size()
    {
        var items = StripeChunks.Split("message", Messages, 200).ToList();

        Assert.Equal(Messages, items.SelectMany(i => i).Order(StringComparer.Ordinal));
        var stripesPerItem = items.Select(i => i.Select(id => EntityStripes.Of("message", id)).ToHashSet()).ToList();
        for (var a = 0; a < stripesPerItem.Count; a++)
        {
            for (var b = a + 1; b < stripesPerItem.Count; b++)
            {
                Assert.Empty(stripesPerItem[a].Intersect(stripesPerItem[b]));
            }
        }

        Assert.All(items, i => Assert.Equal(i.Order(StringComparer.Ordinal), i));
        Assert.All(items, i => Assert.InRange(i.Count, 1, 200));
        // Whole stripes (about 20 messages each here) pack items nearly full: not one item per stripe.
        Assert.InRange(items.Count, 25, 40);
    }

    [Fact]
    public void A_stripe_larger_than_the_size_is_one_item_of_its_own()
    {
        var items = StripeChunks.Split("message", Messages, 5).ToList();

        Assert.Equal(Messages.Select(id => EntityStripes.Of("message", id)).Distinct().Count(), items.Count);
        Assert.All(items, i => Assert.Single(i.Select(id => EntityStripes.Of("message", id)).Distinct()));
    }

    [Fact]
    public void A_stripe_depends_on_the_entity_type_and_id_alone_and_never_changes()
    {
        // Planners and writers of different processes and releases must agree: these values are fixed (FNV-1a).
        Assert.Equal(EntityStripes.Of("user", "u_1"), EntityStripes.Of("user", "u_1"));
        Assert.NotEqual(EntityStripes.Of("user", "u_1"), EntityStripes.Of("message", "u_1"));
        Assert.Equal([110, 118, 99], new[] { EntityStripes.Of("user", "u_1"), EntityStripes.Of("message", "m_000001"), EntityStripes.Of("conversation", "c_42") });
        Assert.All(Messages, id => Assert.InRange(EntityStripes.Of("message", id), 0, EntityStripes.Count - 1));
    }
}
