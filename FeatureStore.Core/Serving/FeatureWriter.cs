using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Logging;

namespace FeatureStore.Core.Serving;

/// <summary>
/// Writes values: each checked against its feature version's type first (all problems listed,
/// nothing written if any), then the offline history and durable online copy in one transaction,
/// then the online store. Unpinned writes go to the active version's value line.
/// </summary>
public sealed class FeatureWriter(RegistryCache registry, IOfflineStore offline, IOnlineStore online, IValueChanges changes, CurrentValueCache cache, OnlineRepair repair, TimeProvider clock, ILogger<FeatureWriter> logger)
{
    /// <summary>Writes every value or none; returns each touched key's current value.</summary>
    public async Task<IReadOnlyList<StoredValue>> WriteAsync(IReadOnlyList<ValueInput> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var features = await registry.GetAsync(cancellationToken);
        var problems = new List<DefinitionProblem>();
        var writes = new List<ValueWrite>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var pin = VersionPin.TryParse(input.Reference);
            if (pin is null || !features.TryGetValue(pin.Name, out var feature))
            {
                problems.Add(new(input.Reference, Field(i), pin is null ? "not a feature reference" : "no feature of that name"));
                continue;
            }

            var version = pin.IsUnpinned ? feature.Active : feature.Versions.LastOrDefault(v => pin.Matches(v.Version));
            if (version is null)
            {
                problems.Add(new(input.Reference, Field(i), $"no version matches; versions: {string.Join(", ", feature.Versions.Select(v => v.Version))}"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(input.EntityId))
            {
                problems.Add(new(input.Reference, Field(i) + ".entityId", "must not be empty"));
                continue;
            }

            if (FeatureValueValidator.Problem(version.Spec.Value, input.Value) is { } problem)
            {
                problems.Add(new(input.Reference, Field(i) + ".value", problem));
                continue;
            }

            if (input.ValidFrom > clock.GetUtcNow() + FutureTolerance)
            {
                // A future value would be "current" now but not "as of now": the two reads must agree.
                problems.Add(new(input.Reference, Field(i) + ".validFrom", $"{input.ValidFrom:O} is in the future; a value holds from when it became true"));
                continue;
            }

            var spec = version.Spec;
            writes.Add(new ValueWrite(new FeatureKey(spec.Name, version.Version.Major, spec.EntityType, input.EntityId), version.Version.ToString(),
                input.Value, spec.Value.Kind.ToWireName(), ToMicroseconds(input.ValidFrom), spec.TimeToLive));
        }

        if (problems.Count > 0)
        {
            throw new InvalidValuesException(problems);
        }

        var current = await offline.WriteAsync(writes, cancellationToken);

        // Committed: what follows must run even if the caller goes away, or caches and Redis fall behind.
        try
        {
            await online.WriteAsync(current, CancellationToken.None);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The values are committed in Postgres (the durable copy); the repair copies them to Redis once it answers.
            // Postgres' own clock stamped these rows: compare like with like.
            repair.Missed(current.Count == 0 ? clock.GetUtcNow() : current.Min(v => v.ComputedAt));
            logger.LogError("Values were stored but the online store could not be updated ({Message}); they will be copied to it when it answers", error.Message);
        }

        // This process reads its own writes at once; others hear the notice.
        cache.Evict(current.Select(v => v.Key));
        try
        {
            await changes.PublishAsync([.. current.Select(v => v.Key)], CancellationToken.None);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A process that misses the notice has lost its subscription too, and has turned its cache off.
            logger.LogWarning("Could not announce {Count} changed value(s) ({Message})", current.Count, error.Message);
        }

        return current;
    }

    // The input's place, named only for a problem: a batch item writes thousands of values and none has one.
    private static string Field(int index) => $"values[{index}]";

    // Clocks of writers and the database drift a little; anything beyond is a mistake, not skew.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    // Postgres keeps microseconds: two instants that differ below that are one row.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset instant) => new(instant.UtcTicks - (instant.UtcTicks % 10), TimeSpan.Zero);
}
