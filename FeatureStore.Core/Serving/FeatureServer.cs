using FeatureStore.Core.Computation;
using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Logging;

namespace FeatureStore.Core.Serving;

/// <summary>
/// Serves feature values the same way for every caller: resolve each reference to a version (pin,
/// A/B split or active), then read all current values in one online round trip (falling back to
/// the durable Postgres copy when the online store is down) and all historical ones with one
/// offline query for every historical read of the request, whatever their instants. Missing values are MISSING, old ones are marked stale.
/// Current reads are offered to the optional <see cref="IServingSampler"/> (the skew check's serving samples).
/// </summary>
public sealed class FeatureServer(RegistryCache registry, CurrentValueCache cache, IOnlineStore online, IOfflineStore offline, TimeProvider clock, ILogger<FeatureServer> logger,
    OnDemandComputation? onDemand = null, IServingSampler? sampler = null)
{
    /// <summary>Answers every request, in order; an error concerns its request alone.</summary>
    public async Task<IReadOnlyList<ServeOutcome>> ServeAsync(IReadOnlyList<FeatureRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var features = await registry.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var resolved = requests.Select(r => Resolve(features, r, now)).ToList();

        var planned = resolved.Select((r, i) => (Request: requests[i], Resolved: r.Value)).Where(p => p.Resolved is not null).ToList();
        var current = planned.Where(p => p.Request.AsOf is null).Select(p => p.Resolved!.Key).Distinct().ToList();
        var values = new Dictionary<(FeatureKey, DateTimeOffset?), StoredValue>();
        var (currentValues, cached) = await ReadCurrentAsync(current, cancellationToken);
        foreach (var (key, value) in currentValues)
        {
            values[(key, null)] = value;
        }

        var computed = await ComputeMissingAsync(planned.Where(p => p.Request.AsOf is null && !currentValues.ContainsKey(p.Resolved!.Key) && !cached.Contains(p.Resolved.Key))
            .Select(p => (p.Resolved!.Key, p.Resolved.Version.Version)), cancellationToken);
        foreach (var (key, value) in computed)
        {
            values[(key, null)] = value;
        }

        var points = planned.Where(p => p.Request.AsOf is not null).Select(p => new PointInTime(p.Resolved!.Key, p.Request.AsOf!.Value)).Distinct().ToList();
        if (points.Count > 0)
        {
            foreach (var (point, value) in await offline.ReadAsOfAsync(points, cancellationToken))
            {
                values[(point.Key, point.AsOf)] = value;
            }
        }

        if (sampler is not null)
        {
            // What the online store held, not what the stale policy let through: skew is about the stores disagreeing.
            foreach (var key in current)
            {
                sampler.Offer(key, values.GetValueOrDefault((key, null)), now);
            }
        }

        return resolved.Select((r, i) => r.Value is { } plan
            ? new ServeOutcome(Serve(requests[i], plan, values.GetValueOrDefault((plan.Key, requests[i].AsOf)), now,
                requests[i].AsOf is not null ? ValueSource.Offline : computed.ContainsKey(plan.Key) ? ValueSource.OnDemand : cached.Contains(plan.Key) ? ValueSource.Cache : ValueSource.Online), null)
            : new ServeOutcome(null, r.Error)).ToList();
    }

    // Current values: the in-process cache first, then one online round trip for the rest.
    private async Task<(Dictionary<FeatureKey, StoredValue> Values, HashSet<FeatureKey> Cached)> ReadCurrentAsync(List<FeatureKey> keys, CancellationToken cancellationToken)
    {
        var values = new Dictionary<FeatureKey, StoredValue>();
        var cached = new HashSet<FeatureKey>();
        var misses = new List<FeatureKey>();
        foreach (var key in keys)
        {
            if (cache.TryGet(key, out var value))
            {
                cached.Add(key);
                if (value is not null)
                {
                    values[key] = value;
                }
            }
            else
            {
                misses.Add(key);
            }
        }

        if (misses.Count == 0)
        {
            return (values, cached);
        }

        var generation = cache.Generation;
        IReadOnlyDictionary<FeatureKey, StoredValue> read;
        try
        {
            read = await online.ReadAsync(misses, cancellationToken);
            cache.Fill(misses, read, generation);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Redis down or slow: the durable copy in Postgres answers instead, and the caller sees no error.
            ServingMetrics.OnlineFallbacks.Add(1);
            logger.LogWarning("Online store unavailable ({Message}); serving {Count} value(s) from the durable Postgres copy", error.Message, misses.Count);
            read = await offline.ReadCurrentAsync(misses, cancellationToken);
        }

        foreach (var (key, value) in read)
        {
            values[key] = value;
        }

        return (values, cached);
    }

    private static (Plan? Value, FeatureStoreException? Error) Resolve(IReadOnlyDictionary<string, RegisteredFeature> features, FeatureRequest request, DateTimeOffset now)
    {
        try
        {
            var (pin, feature) = FeatureReferences.Find(features, request.Reference);
            var version = VersionResolver.Resolve(feature, pin, request.EntityId, request.AsOf ?? now);
            if (version.Version.Spec.EntityType != request.EntityType)
            {
                throw new FeatureStoreException(FeatureStoreErrorCodes.EntityTypeMismatch,
                    $"{pin.Name} describes {version.Version.Spec.EntityType} entities, not {request.EntityType}");
            }

            return (new Plan(new FeatureKey(pin.Name, version.ValueLine, request.EntityType, request.EntityId), version), null);
        }
        catch (FeatureStoreException error)
        {
            return (null, error);
        }
    }

    // Current values nothing stored: computed from source rows and written back (only keys read
    // from the online store, not remembered-missing ones from the cache, so an entity without rows
    // costs one attempt per cache lifetime, not one per read).
    private async Task<IReadOnlyDictionary<FeatureKey, StoredValue>> ComputeMissingAsync(IEnumerable<(FeatureKey Key, Registry.State.FeatureVersion Version)> missing, CancellationToken cancellationToken)
    {
        var computable = missing.Where(m => OnDemandComputation.Computes(m.Version)).Distinct().ToList();
        return onDemand is null || computable.Count == 0 ? new Dictionary<FeatureKey, StoredValue>() : await onDemand.ComputeAsync(computable, cancellationToken);
    }

    private static ServedValue Serve(FeatureRequest request, Plan plan, StoredValue? value, DateTimeOffset now, ValueSource storedSource)
    {
        var spec = plan.Version.Version.Spec;
        var kind = spec.Value.Kind.ToWireName();
        var readAt = request.AsOf ?? now;
        if (value is null && ServingRules.ComputeOnDemand(spec, readAt) is { } computed)
        {
            // Nothing stored, but the value follows from the read instant alone: computed with Core's transform.
            return new ServedValue(request.Reference, plan.Version.Version.Version.ToString(), computed, kind, readAt, null, now, ValueSource.OnDemand, false, plan.Version.Warning);
        }

        if (value is null)
        {
            return new ServedValue(request.Reference, plan.Version.Version.Version.ToString(), null, kind, null, null, null, ValueSource.Missing, false, plan.Version.Warning);
        }

        var stale = ServingRules.IsStale(spec, value.ValidFrom, readAt);
        var served = ServingRules.Withholds(spec, stale) ? (System.Text.Json.JsonElement?)null : value.Value;
        return new ServedValue(request.Reference, value.Version, served, kind, value.ValidFrom, value.ValidTo, value.ComputedAt, storedSource, stale, plan.Version.Warning);
    }

    private sealed record Plan(FeatureKey Key, ResolvedVersion Version);
}
