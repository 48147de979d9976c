namespace FeatureStore.Benchmarks.Gateway;

/// <summary>How many served values came from the in-process cache, from Redis, and from the offline history.</summary>
internal readonly record struct SourceCounts(long Cache, long Online, long Offline)
{
    public long Total => Cache + Online + Offline;

    public SourceCounts Add(string? source) => source switch
    {
        "CACHE" => this with { Cache = Cache + 1 },
        "ONLINE" => this with { Online = Online + 1 },
        "OFFLINE" => this with { Offline = Offline + 1 },
        _ => throw new InvalidOperationException($"unexpected source '{source}'"),
    };

    public SourceCounts Add(SourceCounts other) => new(Cache + other.Cache, Online + other.Online, Offline + other.Offline);
}
