namespace FeatureStore.Redis;

/// <summary>Settings of the Redis online store (section <c>FeatureStore:Redis</c>).</summary>
public sealed class RedisOnlineStoreOptions
{
    public const string Section = "FeatureStore:Redis";

    /// <summary>Prefix of every key, so several stores (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "fs";
}
