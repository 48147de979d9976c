using System.Text.Json;

namespace FeatureStore.Drift.Skew;

/// <summary>
/// Compares two JSON values structurally, numbers within a tolerance: the online store may hold a vector as
/// float32 and the offline one as float64, and such rounding is not skew.
/// </summary>
public static class JsonValueComparer
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> hold the same value; numbers match when |a − b| ≤ max(absolute, relative · max(|a|, |b|)).</summary>
    public static bool Same(JsonElement a, JsonElement b, double absoluteTolerance, double relativeTolerance)
    {
        if (IsNull(a) || IsNull(b))
        {
            return IsNull(a) && IsNull(b);
        }

        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        return a.ValueKind switch
        {
            JsonValueKind.Number => SameNumber(a.GetDouble(), b.GetDouble(), absoluteTolerance, relativeTolerance),
            JsonValueKind.String => a.GetString() == b.GetString(),
            JsonValueKind.Array => a.GetArrayLength() == b.GetArrayLength()
                && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => Same(p.First, p.Second, absoluteTolerance, relativeTolerance)),
            JsonValueKind.Object => SameObject(a, b, absoluteTolerance, relativeTolerance),
            _ => true, // true or false: equal kinds are equal values
        };
    }

    /// <summary>JSON null or no value at all.</summary>
    public static bool IsNull(JsonElement value) => value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    private static bool SameNumber(double a, double b, double absoluteTolerance, double relativeTolerance) =>
        Math.Abs(a - b) <= Math.Max(absoluteTolerance, relativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b)));

    private static bool SameObject(JsonElement a, JsonElement b, double absoluteTolerance, double relativeTolerance)
    {
        var properties = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var count = 0;
        foreach (var property in b.EnumerateObject())
        {
            count++;
            if (!properties.TryGetValue(property.Name, out var other) || !Same(other, property.Value, absoluteTolerance, relativeTolerance))
            {
                return false;
            }
        }

        return count == properties.Count;
    }
}
