using FeatureStore.Core.Computation;
using FeatureStore.Core.Registry;
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
    /// <summary>Answers every request, in order (one outcome per request); an error concerns its request alone.</summary>
    public async Task<ServeOutcome[]> ServeAsync(IReadOnlyList<FeatureRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var features = await registry.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var resolutions = new RequestResolutions(features, now);
        var plans = new ServingPlan?[requests.Count];
        var outcomes = new ServeOutcome[requests.Count];
        // One entry per distinct key read now (the batch's order kept), and one per distinct point in time.
        var current = new Dictionary<FeatureKey, CurrentRead>();
        var points = new HashSet<PointInTime>();
        for (var i = 0; i < requests.Count; i++)
        {
            var (plan, error) = resolutions.Resolve(requests[i]);
            if (plan is not { } resolved)
            {
                outcomes[i] = new ServeOutcome(null, error);
                continue;
            }

            plans[i] = resolved;
            if (requests[i].AsOf is { } asOf)
            {
                points.Add(new PointInTime(resolved.Key, asOf));
            }
            else
            {
                current.TryAdd(resolved.Key, default);
            }
        }

        if (current.Count > 0)
        {
            await ReadCurrentAsync(current, cancellationToken);
            await ComputeMissingAsync(requests, plans, current, cancellationToken);
        }

        var history = points.Count > 0 ? await offline.ReadAsOfAsync(points, cancellationToken) : null;
        if (sampler is not null)
        {
            // What the online store held, not what the stale policy let through: skew is about the stores disagreeing.
            foreach (var (key, read) in current)
            {
                sampler.Offer(key, read.Value, now);
            }
        }

        for (var i = 0; i < requests.Count; i++)
        {
            if (plans[i] is not { } plan)
            {
                continue;
            }

            var request = requests[i];
            var (value, source) = request.AsOf is { } asOf
                ? (history!.GetValueOrDefault(new PointInTime(plan.Key, asOf)), ValueSource.Offline)
                : (current[plan.Key].Value, current[plan.Key].Source);
            outcomes[i] = new ServeOutcome(Serve(request, plan, value, now, source), null);
        }

        return outcomes;
    }

    // Current values: the in-process cache first, then one online round trip for the rest.
    private async Task ReadCurrentAsync(Dictionary<FeatureKey, CurrentRead> current, CancellationToken cancellationToken)
    {
        var misses = new List<FeatureKey>();
        foreach (var key in current.Keys)
        {
            if (cache.TryGet(key, out var value))
            {
                current[key] = new CurrentRead(value, ValueSource.Cache);
            }
            else
            {
                misses.Add(key);
            }
        }

        if (misses.Count == 0)
        {
            return;
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

        foreach (var key in misses)
        {
            current[key] = new CurrentRead(read.GetValueOrDefault(key), ValueSource.Online);
        }
    }

    // Current values nothing stored: computed from source rows and written back (only keys read
    // from the online store, not remembered-missing ones from the cache, so an entity without rows
    // costs one attempt per cache lifetime, not one per read).
    private async Task ComputeMissingAsync(IReadOnlyList<FeatureRequest> requests, ServingPlan?[] plans, Dictionary<FeatureKey, CurrentRead> current, CancellationToken cancellationToken)
    {
        if (onDemand is null)
        {
            return;
        }

        var computable = new List<(FeatureKey Key, Registry.State.FeatureVersion Version)>();
        var seen = new HashSet<(FeatureKey, Registry.State.FeatureVersion)>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i].AsOf is null && plans[i] is { } plan && current[plan.Key] is { Value: null, Source: ValueSource.Online }
                && OnDemandComputation.Computes(plan.Version.Version) && seen.Add((plan.Key, plan.Version.Version)))
            {
                computable.Add((plan.Key, plan.Version.Version));
            }
        }

        if (computable.Count == 0)
        {
            return;
        }

        foreach (var (key, value) in await onDemand.ComputeAsync(computable, cancellationToken))
        {
            current[key] = new CurrentRead(value, ValueSource.OnDemand);
        }
    }

    private static ServedValue Serve(FeatureRequest request, ServingPlan plan, StoredValue? value, DateTimeOffset now, ValueSource storedSource)
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

    // A current key's value (null: none) and where it came from.
    private readonly record struct CurrentRead(StoredValue? Value, ValueSource Source);
}
