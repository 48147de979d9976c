namespace FeatureStore.Core.Registry.Definitions;

/// <summary>
/// How a feature is computed, declaratively: the compute worker maps it to the one implementation
/// in Core that batch, streaming and on-demand paths all call.
/// </summary>
/// <param name="Source">The source table or event stream (messages, conversations, feedback, bookings, ...).</param>
/// <param name="Aggregation">The transformer (count, avg, distribution, centroid, ...; see <see cref="Aggregations"/>).</param>
/// <param name="Field">The source field aggregated, when the aggregation needs one.</param>
/// <param name="Window">The time window, e.g. 24h or 7d; null for all history.</param>
/// <param name="Filters">Equality filters on source fields (e.g. role = user).</param>
/// <param name="Parameters">Transformer-specific settings (e.g. limit = 10).</param>
public sealed record ComputationSpec(
    string Source,
    string Aggregation,
    string? Field,
    TimeSpan? Window,
    IReadOnlyDictionary<string, string> Filters,
    IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Structural equality: any difference here changes what the values mean.</summary>
    public bool SameAs(ComputationSpec other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Source == other.Source && Aggregation == other.Aggregation && Field == other.Field && Window == other.Window
            && SameEntries(Filters, other.Filters) && SameEntries(Parameters, other.Parameters);
    }

    private static bool SameEntries(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
