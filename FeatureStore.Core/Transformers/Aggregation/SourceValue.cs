using System.Text.Json;

namespace FeatureStore.Core.Transformers.Aggregation;

/// <summary>One source row as an aggregation sees it: when it happened and the value of the field aggregated.</summary>
/// <param name="At">The row's event time (a message's sent_at, a booking's booked_at, ...).</param>
/// <param name="Value">The field's value; <see cref="JsonValueKind.Undefined"/> when the aggregation needs no field (count).</param>
public readonly record struct SourceValue(DateTimeOffset At, JsonElement Value);
