using FeatureStore.Benchmarks.Measuring;

namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>
/// The notice-delivery trials: write latency, write start → first fresh read on the other gateway,
/// write acknowledged → first fresh read (0 when the new value was already visible), reads begun
/// after the acknowledgement that still returned the old value, and trials never seen fresh.
/// </summary>
internal sealed record NoticeResult(int Trials, int Lost, int StaleReadsAfterAck, Percentiles Write, Percentiles FromWrite, Percentiles FromAck);
