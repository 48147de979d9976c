namespace FeatureStore.Core.Computation.Streaming;

/// <summary>How the streaming path reads events (<c>FeatureStore:Compute:Streaming</c>).</summary>
public sealed class StreamingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FeatureStore:Compute:Streaming";

    /// <summary>Consume the event stream in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Entries read at a time.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long to wait before reading again when the stream had nothing (bounds event-to-online latency).</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>After how long another consumer's unacknowledged entries are taken over (it is presumed dead).</summary>
    public TimeSpan ClaimAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries after which an entry that keeps failing goes to the dead-letter stream.</summary>
    public int MaxDeliveries { get; set; } = 5;
}
