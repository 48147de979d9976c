using FeatureStore.Core.Sources;

namespace FeatureStore.SyntheticData.Tests;

/// <summary>The same seed and options give the same rows, always; a different seed gives different traffic.</summary>
public sealed class GeneratorDeterminismTests
{
    private static readonly TisTisGeneratorOptions Options = new() { Seed = 1234, Tenants = 6, UsersPerTenant = 40, Messages = 3_000 };

    [Fact]
    public void The_same_seed_and_options_give_identical_rows_from_two_generators()
    {
        var first = Generated.From(new TisTisGenerator(Options));
        var second = Generated.From(new TisTisGenerator(Options with { }));

        first.AssertSameAs(second);
        Assert.Equal(Fingerprint(first), Fingerprint(second));
    }

    [Fact]
    public void Enumerating_one_generator_twice_gives_identical_rows()
    {
        var generator = new TisTisGenerator(Options);

        Generated.From(generator).AssertSameAs(Generated.From(generator));
    }

    [Fact]
    public void The_batch_size_changes_how_rows_are_grouped_not_which_rows()
    {
        var generator = new TisTisGenerator(Options);

        var small = Generated.From(generator.Batches(100));
        var large = Generated.From(generator.Batches(100_000));

        small.AssertSameAs(large);
        Generated.From(generator).AssertSameAs(small);
        Assert.All(generator.Batches(100).Skip(3), b => Assert.InRange(b.Messages.Count, 1, 100 + 60));
    }

    [Fact]
    public void A_different_seed_gives_different_traffic_of_the_same_size()
    {
        var first = Generated.From(new TisTisGenerator(Options));
        var other = Generated.From(new TisTisGenerator(Options with { Seed = 1235 }));

        Assert.Equal(first.Messages.Count, other.Messages.Count);
        Assert.NotEqual(first.Messages.Select(m => m.Text), other.Messages.Select(m => m.Text));
        Assert.NotEqual(first.Conversations.Select(c => c.StartedAt), other.Conversations.Select(c => c.StartedAt));
        Assert.NotEqual(first.Users.Select(u => u.PreferencesJson), other.Users.Select(u => u.PreferencesJson));
    }

    [Fact]
    public void Bad_rows_replace_some_messages_and_change_nothing_else()
    {
        var clean = Generated.From(new TisTisGenerator(Options));
        var spoiled = Generated.From(new TisTisGenerator(Options with { BadRowRate = 0.05 }));

        Assert.Equal(clean.Messages.Select(m => m.Id), spoiled.Messages.Select(m => m.Id));
        (clean with { Messages = [] }).AssertSameAs(spoiled with { Messages = [] });
        var changed = clean.Messages.Zip(spoiled.Messages).Where(pair => pair.First != pair.Second).Select(pair => pair.Second).ToList();
        Assert.InRange(changed.Count, clean.Messages.Count * 0.03, clean.Messages.Count * 0.07);
        Assert.All(changed, m => Assert.True(
            string.IsNullOrWhiteSpace(m.Text) || (m.Role == MessageRole.User && !Intents.IsKnown(m.Intent)) || (m.Role == MessageRole.Assistant && m.ResponseTimeMs is null),
            $"not a bad row: {m}"));
        Assert.Contains(changed, m => m.Text.Length == 0);
        Assert.Contains(changed, m => m.Intent is not null && !Intents.IsKnown(m.Intent));
        Assert.Contains(changed, m => m.Role == MessageRole.Assistant && m.ResponseTimeMs is null);
        Assert.DoesNotContain(clean.Messages, m => string.IsNullOrWhiteSpace(m.Text) || (m.Intent is not null && !Intents.IsKnown(m.Intent)));
    }

    // Everything as text, so "identical" also covers the exact characters and instants.
    private static string Fingerprint(Generated rows) => string.Join('\n',
        rows.Tenants.Select(r => r.ToString()).Concat(rows.Users.Select(r => r.ToString())).Concat(rows.Conversations.Select(r => r.ToString()))
            .Concat(rows.Messages.Select(r => $"{r} {r.SentAt.UtcTicks}")).Concat(rows.Feedback.Select(r => r.ToString()))
            .Concat(rows.Bookings.Select(r => r.ToString())).Concat(rows.Events.Select(r => r.ToString())));
}
