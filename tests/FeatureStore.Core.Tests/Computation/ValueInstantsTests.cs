using FeatureStore.Core.Computation;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Sources;

namespace FeatureStore.Core.Tests.Computation;

/// <summary>When a computed value holds from: the same answer on every path, so they write the same history rows.</summary>
public sealed class ValueInstantsTests
{
    private static readonly Dictionary<string, FeatureSpec> Catalog = DefinitionFiles.Load(RepositoryPaths.Features).Specs.ToDictionary(s => s.Name);

    private static readonly Message M1 = new("m1", "c1", "t1", "u1", MessageRole.User, "Hola", T("2026-03-01T10:00:00Z"), null, "greeting", "es");
    private static readonly Message M2 = new("m2", "c1", "t1", "u1", MessageRole.Assistant, "Hola, ¿en qué ayudo?", T("2026-03-01T10:00:02Z"), 2000, null, "es");
    private static readonly Message M3 = new("m3", "c1", "t1", "u1", MessageRole.User, "Precio?", T("2026-03-03T09:00:00Z"), null, "pricing", "es");
    private static readonly EntitySources Rows = new([M1, M2, M3], [new Conversation("c1", "t1", "u1", T("2026-03-01T10:00:00Z"), "web")], [], []);

    private static DateTimeOffset T(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_real_time_feature_holds_from_the_latest_row_it_reads_at_or_before_the_instant()
    {
        var count = Catalog["conv:message_count"];

        Assert.Equal(T("2026-03-03T09:00:00Z"), ValueInstants.LatestAtOrBefore(count, "c1", Rows, T("2026-03-05T00:00:00Z")));
        Assert.Equal(M2.SentAt, ValueInstants.LatestAtOrBefore(count, "c1", Rows, T("2026-03-02T00:00:00Z")));
        Assert.Null(ValueInstants.LatestAtOrBefore(count, "c1", Rows, T("2026-02-28T00:00:00Z")));
    }

    [Fact]
    public void A_message_feature_holds_from_when_its_message_was_sent()
    {
        Assert.Equal(M2.SentAt, ValueInstants.LatestAtOrBefore(Catalog["msg:contains_question"], "m2", Rows, T("2026-03-05T00:00:00Z")));
        Assert.Null(ValueInstants.LatestAtOrBefore(Catalog["msg:contains_question"], "m9", Rows, T("2026-03-05T00:00:00Z")));
    }

    [Fact]
    public void A_scheduled_feature_holds_from_its_latest_tick_once_the_entity_has_a_row_by_then()
    {
        var volume = Catalog["tenant:message_volume_24h"]; // hourly

        Assert.Equal(T("2026-03-03T09:00:00Z"), ValueInstants.LatestAtOrBefore(volume, "t1", Rows, T("2026-03-03T09:59:00Z")));
        Assert.Equal(T("2026-03-01T10:00:00Z"), ValueInstants.LatestAtOrBefore(volume, "t1", Rows, T("2026-03-01T10:30:00Z")));
        Assert.Null(ValueInstants.LatestAtOrBefore(volume, "t1", Rows, T("2026-03-01T09:59:00Z")));
    }

    [Fact]
    public void A_backfill_materializes_every_tick_after_the_first_row_and_every_event_of_a_real_time_feature()
    {
        var ticks = ValueInstants.Between(Catalog["user:total_conversations"], "u1", Rows, T("2026-02-27T00:00:00Z"), T("2026-03-03T12:00:00Z")); // daily
        var events = ValueInstants.Between(Catalog["conv:message_count"], "c1", Rows, M1.SentAt, T("2026-03-04T00:00:00Z"));

        Assert.Equal([T("2026-03-02T00:00:00Z"), T("2026-03-03T00:00:00Z")], ticks);
        Assert.Equal([M2.SentAt, M3.SentAt], events); // after the start, exclusive
    }

    [Fact]
    public void Sources_of_a_ratio_include_its_denominator_and_request_time_features_read_none()
    {
        Assert.Equal(["bookings", "conversations"], ValueInstants.SourcesOf(Catalog["user:booking_rate"]));
        Assert.Equal(["messages"], ValueInstants.SourcesOf(Catalog["msg:embedding"]));
        var hour = Catalog["msg:sentiment"] with { Computation = new ComputationSpec("messages", "hour_of_day", null, null, new Dictionary<string, string>(), new Dictionary<string, string>()) };
        Assert.Empty(ValueInstants.SourcesOf(hour));
    }
}
