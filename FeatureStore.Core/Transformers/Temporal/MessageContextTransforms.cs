using System.Text.Json;
using FeatureStore.Core.Computation;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Sources;

namespace FeatureStore.Core.Transformers.Temporal;

/// <summary>
/// Per-message features that read the message's place in its conversation or its tenant, for the
/// classifier's feature vector: the hour and day it was sent (in the tenant's zone with
/// <c>timezone: tenant</c>), whether it was sent in the tenant's business hours, seconds since the
/// previous message of the conversation, and a field of the previous message (e.g. the previous
/// user intent). All are fixed once the message is sent, so training and serving read the same value.
/// </summary>
public static class MessageContextTransforms
{
    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);

    /// <summary>True for a message feature computed from the message's context.</summary>
    public static bool Handles(FeatureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var computation = spec.Computation;
        return spec.EntityType == ComputedEntityTypes.Message && computation.Source == "messages"
            && (computation.Aggregation is "business_hours" or "time_since_previous" or "previous"
                || (computation.Aggregation is "hour_of_day" or "day_of_week" && computation.Field == "sent_at"));
    }

    /// <summary>True when the feature needs the tenant row (its zone or its hours).</summary>
    public static bool ReadsTenant(ComputationSpec computation)
    {
        ArgumentNullException.ThrowIfNull(computation);
        return computation.Aggregation == "business_hours" || computation.Parameters.GetValueOrDefault("timezone") == RequestTimeTransforms.TenantZone;
    }

    /// <summary>The value for message <paramref name="messageId"/>; null when the message was not sent by <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentException">The tenant row is needed but missing, or the definition is incomplete.</exception>
    public static JsonElement Compute(FeatureSpec spec, string messageId, EntitySources sources, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(sources);
        var message = sources.Messages.FirstOrDefault(m => m.Id == messageId && m.SentAt <= at);
        if (message is null)
        {
            return Null;
        }

        var computation = spec.Computation;
        var earlier = sources.Messages
            .Where(m => m.ConversationId == message.ConversationId && Before(m, message) && SourceFields.Matches(m, computation.Filters))
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        return computation.Aggregation switch
        {
            "hour_of_day" or "day_of_week" => RequestTimeTransforms.Compute(computation, message.SentAt, sources.Tenant?.TimeZone),
            "business_hours" => JsonSerializer.SerializeToElement(Hours(spec, sources.Tenant).Contains(message.SentAt)),
            "time_since_previous" => TimeSincePrevious.Seconds(earlier.Select(m => m.SentAt), message.SentAt) is { } seconds
                ? JsonSerializer.SerializeToElement(seconds) : earlier.Count > 0 ? JsonSerializer.SerializeToElement(0.0) : Null,
            "previous" => earlier.Count == 0 ? Null : SourceFields.Value(earlier[^1], computation.Field
                ?? throw new ArgumentException($"{spec.Name}: 'previous' needs the field to read", nameof(spec))),
            _ => throw new ArgumentException($"{spec.Name}: '{computation.Aggregation}' is not a message-context transform", nameof(spec)),
        };
    }

    // Sent before, or at the same instant with a smaller id (the order every path uses).
    private static bool Before(Message candidate, Message message) =>
        candidate.SentAt < message.SentAt || (candidate.SentAt == message.SentAt && string.CompareOrdinal(candidate.Id, message.Id) < 0);

    private static BusinessHours Hours(FeatureSpec spec, Tenant? tenant) => tenant is null
        ? throw new ArgumentException($"{spec.Name}: business hours need the tenant row", nameof(tenant))
        : new BusinessHours(tenant.TimeZone, tenant.OpensAt, tenant.ClosesAt, new HashSet<DayOfWeek>());
}
