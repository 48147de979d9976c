namespace FeatureStore.Core.Serving;

/// <summary>Where a served value came from.</summary>
public enum ValueSource
{
    /// <summary>The gateway's in-process cache.</summary>
    Cache,

    /// <summary>The online store (Redis, or its durable Postgres copy when Redis is down).</summary>
    Online,

    /// <summary>The offline history (an asOf read).</summary>
    Offline,

    /// <summary>Computed at request time.</summary>
    OnDemand,

    /// <summary>No value: none was written for that entity (before that instant).</summary>
    Missing,
}
