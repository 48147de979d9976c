using System.Buffers;

namespace FeatureStore.Postgres;

/// <summary>Growing an array rented from the shared pool: what the export's pooled buffers share.</summary>
internal static class PooledArrays
{
    /// <summary>A pooled array of at least <paramref name="length"/> holding the first <paramref name="used"/> items of <paramref name="old"/>, which goes back to the pool.</summary>
    public static T[] Grow<T>(T[] old, int used, int length)
    {
        var grown = ArrayPool<T>.Shared.Rent(length);
        old.AsSpan(0, used).CopyTo(grown);
        ArrayPool<T>.Shared.Return(old);
        return grown;
    }
}
