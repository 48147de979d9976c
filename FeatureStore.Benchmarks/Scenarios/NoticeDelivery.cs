using System.Diagnostics;
using System.Text.Json;
using FeatureStore.Benchmarks.Data;
using FeatureStore.Benchmarks.Gateway;
using FeatureStore.Benchmarks.Measuring;

namespace FeatureStore.Benchmarks.Scenarios;

/// <summary>
/// The notice-delivery bound. Two gateway processes share Postgres and Redis. Each trial: the
/// reader gateway is made to cache a user's value (read until <c>source: CACHE</c>); a reader
/// then polls it back to back while the value is written through the other gateway's
/// <c>writeFeatureValues</c>; the trial ends at the first read returning the new value. The reader
/// gateway only learns of the write from the change notice (Redis pub/sub), so this is the time a
/// write takes to reach another process's cache. A gateway's own writes evict its cache at once.
/// </summary>
internal sealed class NoticeDelivery(GatewayClient writer, GatewayClient reader, ServingDataset data)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);

    // Unrecorded trials first: the writing gateway has served nothing yet (cold JIT, pools, scripts).
    private const int WarmupTrials = 5;

    public async Task<NoticeResult> MeasureAsync(int trials, CancellationToken cancellationToken)
    {
        var feature = data.Features.First(f => f.IsNumeric);
        var fromWrite = new List<double>();
        var fromAck = new List<double>();
        var writes = new List<double>();
        int staleAfterAck = 0, lost = 0;
        for (var trial = -WarmupTrials; trial < trials; trial++)
        {
            var entityId = ServingDataset.EntityId(data.EntitiesInIdOrder[(trial + WarmupTrials) % data.Entities]);
            await PrimeAsync(entityId, feature.Name, cancellationToken);
            var value = 1_000_000 + trial + WarmupTrials + 0.25;
            var ack = new AckTime();
            var polling = PollUntilAsync(entityId, feature.Name, value, ack, cancellationToken);

            var sent = Stopwatch.GetTimestamp();
            var written = await writer.PostGraphQLAsync(GraphQLBodies.Write(feature.Name, entityId, value, DateTimeOffset.UtcNow), cancellationToken);
            var acked = Stopwatch.GetTimestamp();
            ack.At = acked;
            FeatureAnswers.CheckWritten(written, 1);

            var (seen, stale) = await polling;
            if (trial < 0)
            {
                continue;
            }

            staleAfterAck += stale;
            if (seen is not { } at)
            {
                lost++;
                continue;
            }

            writes.Add(Micros(acked - sent));
            fromWrite.Add(Micros(at - sent));
            fromAck.Add(Micros(Math.Max(0, at - acked)));
        }

        return new NoticeResult(trials, lost, staleAfterAck, new Percentiles(writes), new Percentiles(fromWrite), new Percentiles(fromAck));
    }

    // Reads until the reader gateway answers from its cache: the value is cached there before the write.
    private async Task PrimeAsync(string entityId, string feature, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var (_, source) = await ReadAsync(entityId, feature, cancellationToken);
            if (source == "CACHE")
            {
                return;
            }
        }

        throw new InvalidOperationException($"the reader gateway never served {entityId} {feature} from its cache: is FeatureStore:Cache:Enabled on?");
    }

    // Polls back to back; counts reads that began after the write was acknowledged yet returned the old value.
    private async Task<(long? Seen, int StaleAfterAck)> PollUntilAsync(string entityId, string feature, double value, AckTime ack, CancellationToken cancellationToken)
    {
        var stale = 0;
        var giveUp = Stopwatch.GetTimestamp() + (long)(GiveUpAfter.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < giveUp)
        {
            var started = Stopwatch.GetTimestamp();
            var (read, _) = await ReadAsync(entityId, feature, cancellationToken);
            if (read == value)
            {
                return (Stopwatch.GetTimestamp(), stale);
            }

            stale += ack.At is { } acked && started > acked ? 1 : 0;
        }

        return (null, stale);
    }

    private async Task<(double? Value, string? Source)> ReadAsync(string entityId, string feature, CancellationToken cancellationToken)
    {
        var answer = await reader.PostGraphQLAsync(GraphQLBodies.OneFeature(entityId, feature), cancellationToken);
        using var document = JsonDocument.Parse(answer);
        if (document.RootElement.TryGetProperty("errors", out var errors))
        {
            throw FeatureAnswers.Wrong(answer, "the answer has errors: " + errors.GetRawText());
        }

        var served = document.RootElement.GetProperty("data").GetProperty("entity").GetProperty("feature");
        return (served.GetProperty("value").GetDouble(), served.GetProperty("source").GetString());
    }

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private sealed class AckTime
    {
        private long _at;

        public long? At
        {
            get => Interlocked.Read(ref _at) is var at && at != 0 ? at : null;
            set => Interlocked.Exchange(ref _at, value ?? 0);
        }
    }
}
