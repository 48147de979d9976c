using System.Text.Json;
using System.Threading.Channels;
using FeatureStore.Core.Drift;
using FeatureStore.Core.Values;
using Microsoft.Extensions.Options;

namespace FeatureStore.Core.Serving;

/// <summary>
/// Keeps <see cref="ServingSampleOptions.Fraction"/> of the current reads in a bounded in-memory queue that
/// <see cref="ServingSampleWriter"/> empties into the store in batches. A read only pays for a random draw and,
/// when chosen, a non-blocking enqueue; when the queue is full the sample is dropped and counted.
/// </summary>
public sealed class ServingSampler : IServingSampler
{
    private static readonly JsonElement None = JsonDocument.Parse("null").RootElement.Clone();
    private readonly double _fraction;
    private readonly Channel<ServingSample> _queue;

    /// <summary>A sampler with the configured share and capacity.</summary>
    public ServingSampler(IOptions<ServingSampleOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _fraction = options.Value.Fraction;
        _queue = Channel.CreateBounded<ServingSample>(new BoundedChannelOptions(Math.Max(1, options.Value.Capacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>The samples waiting to be written.</summary>
    public ChannelReader<ServingSample> Pending => _queue.Reader;

    /// <inheritdoc />
    public void Offer(FeatureKey key, StoredValue? value, DateTimeOffset servedAt)
    {
        if (_fraction <= 0 || (_fraction < 1 && Random.Shared.NextDouble() >= _fraction))
        {
            return;
        }

        // TryWrite never waits: with the queue full it returns false, and the read goes on without its sample.
        if (!_queue.Writer.TryWrite(new ServingSample(key, value?.Value ?? None, value?.ValidFrom, servedAt)))
        {
            ServingMetrics.ServingSamplesDropped.Add(1);
        }
    }
}
