using FeatureStore.Core.Computation;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Core.Sources;
using FeatureStore.Core.Transformers.Text;

namespace FeatureStore.Core.Tests.Computation;

/// <summary>The step every path shares: bad rows are left out and named, failures stay per entity, values carry their version and instant.</summary>
public sealed class EntityComputationTests
{
    private static readonly Dictionary<string, FeatureSpec> Catalog = DefinitionFiles.Load(RepositoryPaths.Features).Specs.ToDictionary(s => s.Name);
    private static readonly DateTimeOffset At = new(2026, 3, 6, 0, 0, 0, TimeSpan.Zero);
    private readonly EntityComputation _computation = new(new FeatureComputer(new HashingEmbedder()));

    private static Message Msg(string id, string text, string? intent, int hour) =>
        new(id, "c1", "t1", "u1", MessageRole.User, text, new DateTimeOffset(2026, 3, 1, hour, 0, 0, TimeSpan.Zero), null, intent, "es");

    private static FeatureVersion Version(string name) => new(Catalog[name], ChangeKind.New, [], At, "test", null);

    [Fact]
    public async Task A_bad_row_is_left_out_counted_and_named_and_the_value_is_computed_from_the_good_rows()
    {
        var rows = new EntitySources([Msg("m1", "Hola", "greeting", 10), Msg("m2", "  ", "greeting", 11), Msg("m3", "Precio", "teleport", 12), Msg("m4", "Cita", "booking", 13)], [], [], []);

        var result = await _computation.ComputeAsync([Version("conv:message_count")], new Dictionary<string, EntitySources> { ["c1"] = rows }, At, null, CancellationToken.None);

        var value = Assert.Single(result.Values);
        Assert.Equal(("conv:message_count@1.0.0", "c1", "2", Msg("m4", "", null, 13).SentAt), (value.Reference, value.EntityId, value.Value.GetRawText(), value.ValidFrom));
        Assert.Equal(["m2 empty text", "m3 unknown intent 'teleport'"], result.Problems.Select(p => $"{p.RowId} {p.Message.Split(';')[0]}"));
        Assert.Equal(new FeatureTally(1, 2), result.Tallies["conv:message_count"]);
    }

    [Fact]
    public async Task A_feature_that_cannot_be_computed_is_reported_for_that_entity_and_the_others_go_on()
    {
        var broken = Version("user:booking_rate") with
        {
            Spec = Catalog["user:booking_rate"] with { Computation = Catalog["user:booking_rate"].Computation with { Parameters = new Dictionary<string, string>() } },
        };
        var started = Msg("m1", "", null, 10).SentAt;
        var rows = new EntitySources([], [new Conversation("c1", "t1", "u1", started, "web")], [], [new Booking("b1", "t1", "u1", "c1", started, started, "haircut")]);

        var result = await _computation.ComputeAsync([broken, Version("user:total_conversations")], new Dictionary<string, EntitySources> { ["u1"] = rows }, At, null, CancellationToken.None);

        Assert.Equal("user:total_conversations 1", string.Join(",", result.Values.Select(v => $"{v.Reference.Split('@')[0]} {v.Value.GetRawText()}")));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("user:booking_rate", "u1"), (problem.Feature, problem.EntityId));
        Assert.Contains("denominator", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backfill_computes_one_value_per_instant_each_as_of_that_instant()
    {
        var rows = new EntitySources([Msg("m1", "Hola", "greeting", 10), Msg("m2", "Cita", "booking", 11), Msg("m3", "Gracias", "other", 12)], [], [], []);

        var result = await _computation.ComputeAsync([Version("conv:message_count")], new Dictionary<string, EntitySources> { ["c1"] = rows },
            Msg("m3", "", null, 12).SentAt, Msg("m1", "", null, 10).SentAt, CancellationToken.None);

        Assert.Equal(["11:00 2", "12:00 3"], result.Values.Select(v => $"{v.ValidFrom:HH:mm} {v.Value.GetRawText()}"));
    }
}
