using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Transformers.Temporal;
using FeatureStore.Core.Transformers.Text;

namespace FeatureStore.Core.Computation;

/// <summary>
/// When a computed value starts to hold, so every path writes the same history row for the same
/// data: a scheduled feature's value holds from its refresh tick; a real-time feature's from the
/// event that last changed it (the latest row it reads), or, for a windowed real-time feature
/// whose value also changes as rows leave the window, from the instant it was computed at.
/// </summary>
public static class ValueInstants
{
    /// <summary>
    /// Not a table of rows with event times but the entity's tenant row (<see cref="EntitySources.Tenant"/>),
    /// named among a feature's sources so loaders fetch it.
    /// </summary>
    public const string TenantsSource = "tenants";

    /// <summary>The source tables a feature reads (none for request-time transforms).</summary>
    public static IReadOnlyList<string> SourcesOf(FeatureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var computation = spec.Computation;
        if (RequestTimeTransforms.Handles(computation))
        {
            return [];
        }

        if (MessageContextTransforms.Handles(spec))
        {
            return MessageContextTransforms.ReadsTenant(computation) ? ["messages", TenantsSource] : ["messages"];
        }

        if (TextTransforms.Handles(computation))
        {
            return ["messages"];
        }

        return computation.Parameters.TryGetValue("denominator", out var denominator) && denominator != computation.Source
            ? [computation.Source, denominator]
            : [computation.Source];
    }

    /// <summary>
    /// The instant at or before <paramref name="at"/> from which the feature's latest value holds,
    /// or null when the entity had no row the feature reads by then (there is nothing to write).
    /// </summary>
    public static DateTimeOffset? LatestAtOrBefore(FeatureSpec spec, string entityId, EntitySources sources, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!RefreshTicks.IsRealTime(spec.Refresh))
        {
            // The value as of the tick, once the entity has a row by then.
            return RefreshTicks.LatestAtOrBefore(spec.Refresh, at) is { } tick && EventTimes(spec, entityId, sources).Any(t => t <= tick) ? tick : null;
        }

        return LastEventAtOrBefore(spec, entityId, sources, at) is { } lastEvent
            ? spec.Computation.Window is null ? lastEvent : at
            : null;
    }

    // A loop, not a query: it runs for every (entity, feature) of a batch, ten million times at 1M messages.
    private static DateTimeOffset? LastEventAtOrBefore(FeatureSpec spec, string entityId, EntitySources sources, DateTimeOffset at)
    {
        DateTimeOffset? last = null;
        if (IsPerMessage(spec))
        {
            ArgumentNullException.ThrowIfNull(sources);
            foreach (var message in sources.Messages)
            {
                if (message.Id == entityId && message.SentAt <= at && (last is null || message.SentAt > last))
                {
                    last = message.SentAt;
                }
            }

            return last;
        }

        foreach (var instant in EventTimes(spec, entityId, sources))
        {
            if (instant <= at && (last is null || instant > last))
            {
                last = instant;
            }
        }

        return last;
    }

    /// <summary>
    /// Every instant in (<paramref name="after"/>, <paramref name="upTo"/>] at which the feature's
    /// value is materialized, for a backfill: the ticks of a scheduled feature once the entity has
    /// a row, the event times of a real-time one. Oldest first.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Between(FeatureSpec spec, string entityId, EntitySources sources, DateTimeOffset after, DateTimeOffset upTo)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var events = EventTimes(spec, entityId, sources).ToList();
        if (events.Count == 0)
        {
            return [];
        }

        if (RefreshTicks.IsRealTime(spec.Refresh))
        {
            return [.. events.Where(t => t > after && t <= upTo).Distinct().Order()];
        }

        var first = events.Min();
        return [.. RefreshTicks.Between(spec.Refresh, after, upTo).Where(t => t >= first)];
    }

    private static IEnumerable<DateTimeOffset> EventTimes(FeatureSpec spec, string entityId, EntitySources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (IsPerMessage(spec))
        {
            return sources.Messages.Where(m => m.Id == entityId).Select(m => m.SentAt);
        }

        return SourcesOf(spec).Where(s => s != TenantsSource).SelectMany(source => SourceFields.Rows(source, sources).Select(r => r.At));
    }

    // A per-message feature changes once: when its message is sent.
    private static bool IsPerMessage(FeatureSpec spec) => TextTransforms.Handles(spec.Computation) || spec.EntityType == ComputedEntityTypes.Message;
}
