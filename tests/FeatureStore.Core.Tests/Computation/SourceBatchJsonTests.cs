using System.Text.Json;
using FeatureStore.Core.Computation;
using FeatureStore.Core.Computation.Streaming;
using FeatureStore.Core.Sources;

namespace FeatureStore.Core.Tests.Computation;

/// <summary>The event format producers write and the checks every incoming row passes.</summary>
public sealed class SourceBatchJsonTests
{
    private static readonly Message Message = new("m1", "c1", "t1", "u1", MessageRole.Assistant, "¿Algo más?", new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(-6)), 1500, null, "es");

    [Fact]
    public void A_batch_survives_the_round_trip_and_lists_left_out_are_empty()
    {
        var json = """{"messages":[{"id":"m1","conversationId":"c1","tenantId":"t1","userId":"u1","role":"assistant","text":"¿Algo más?","sentAt":"2026-03-01T10:00:00-06:00","responseTimeMs":1500,"intent":null,"language":"es"}]}""";

        var batch = SourceBatchJson.Deserialize(json);

        Assert.Equal(Message, Assert.Single(batch.Messages));
        Assert.Empty(batch.Feedback);
        Assert.Equal(batch.Messages, SourceBatchJson.Deserialize(SourceBatchJson.Serialize(batch)).Messages);
    }

    [Theory]
    [InlineData("""{"messages":[{"id":"m1"}]}""", "missing required properties")]
    [InlineData("""{"messages":[{"id":"m1","conversationId":"c1","tenantId":"t1","userId":"u1","role":"robot","text":"x","sentAt":"2026-03-01T10:00:00Z","responseTimeMs":null,"intent":null,"language":"es"}]}""", "$.messages[0].role")]
    [InlineData("""{"mesages":[]}""", "mesages")]
    public void A_malformed_batch_is_refused_with_the_path_at_fault(string json, string expected)
    {
        var error = Assert.ThrowsAny<JsonException>(() => SourceBatchJson.Deserialize(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_row_is_named_with_its_kind_position_and_problem()
    {
        var batch = SourceBatch.Empty with
        {
            Messages = [Message, Message with { Id = "m2", Text = "" }, Message with { Id = "m3", Role = MessageRole.User, Intent = "teleport", ResponseTimeMs = null }],
            Feedback = [new Feedback("f1", "t1", "u1", "c1", null, 7, Message.SentAt)],
        };

        var problems = SourceBatchChecks.Problems(batch);

        Assert.Equal(["m2 messages[1]: empty text", "m3 messages[2]: unknown intent", "f1 feedback[0]: satisfaction 7 is outside 1..5"],
            problems.Select(p => $"{p.Feature} {p.Field}: {p.Message.Split(';')[0].Split(" '")[0]}"));
    }

    [Fact]
    public void New_rows_name_every_entity_whose_features_they_change()
    {
        var batch = SourceBatch.Empty with
        {
            Messages = [Message],
            Bookings = [new Booking("b1", "t2", "u2", null, Message.SentAt, Message.SentAt, "haircut")],
        };

        var affected = AffectedEntities.Of(batch);

        Assert.Equal(["t1", "t2"], affected[ComputedEntityTypes.Tenant]);
        Assert.Equal(["u1", "u2"], affected[ComputedEntityTypes.User]);
        Assert.Equal(["c1"], affected[ComputedEntityTypes.Conversation]);
        Assert.Equal(["m1"], affected[ComputedEntityTypes.Message]);
    }
}
