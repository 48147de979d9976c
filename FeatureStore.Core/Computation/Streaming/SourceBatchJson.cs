using System.Text.Json;
using System.Text.Json.Serialization;
using FeatureStore.Core.Sources;

namespace FeatureStore.Core.Computation.Streaming;

/// <summary>
/// The JSON form of a <see cref="SourceBatch"/>, as the event stream carries it and the
/// <c>ingestEvents</c> mutation takes it: camelCase properties, roles as <c>user</c>/<c>assistant</c>,
/// instants as ISO-8601 with an offset, any list may be left out (docs/streaming.md).
/// </summary>
public static class SourceBatchJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The batch as JSON text.</summary>
    public static string Serialize(SourceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return JsonSerializer.Serialize(new Document(batch.Tenants, batch.Users, batch.Conversations, batch.Messages, batch.Feedback, batch.Bookings, batch.AnalyticsEvents), Options);
    }

    /// <summary>Reads a batch; lists left out are empty.</summary>
    /// <exception cref="JsonException">Not a batch: the message names the path and what is wrong.</exception>
    public static SourceBatch Deserialize(string json)
    {
        var document = JsonSerializer.Deserialize<Document>(json, Options) ?? throw new JsonException("the batch is null");
        return new SourceBatch(document.Tenants ?? [], document.Users ?? [], document.Conversations ?? [], document.Messages ?? [],
            document.Feedback ?? [], document.Bookings ?? [], document.AnalyticsEvents ?? []);
    }

    // Every list optional on the wire, unlike the record's.
    private sealed record Document(
        IReadOnlyList<Tenant>? Tenants = null,
        IReadOnlyList<User>? Users = null,
        IReadOnlyList<Conversation>? Conversations = null,
        IReadOnlyList<Message>? Messages = null,
        IReadOnlyList<Feedback>? Feedback = null,
        IReadOnlyList<Booking>? Bookings = null,
        IReadOnlyList<AnalyticsEvent>? AnalyticsEvents = null);
}
