using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Core.Drift;

/// <summary>
/// Passes an export's rows on to <paramref name="inner"/> and keeps a uniform sample (reservoir sampling, seeded)
/// of at most <paramref name="capacity"/> values per column: once the export is done, each sample becomes that
/// feature's training-set baseline, so drift is then measured against what the model was trained on. Columns
/// whose version depends on the entity (an A/B split) mix two value lines and get no baseline.
/// </summary>
public sealed class TrainingSetBaselineWriter(ITrainingSetWriter inner, IReadOnlyList<TrainingSetColumn> columns, int capacity = TrainingSetBaselineWriter.DefaultCapacity, int seed = 1)
    : ITrainingSetWriter
{
    /// <summary>Values kept per column by default: as many as a drift run reads of a window.</summary>
    public const int DefaultCapacity = 5_000;

    private readonly List<(string EntityId, byte[]? Json)>[] _samples = [.. columns.Select(_ => new List<(string, byte[]?)>())];
    private readonly Random _random = new(seed);
    private long _rows;
    private DateTimeOffset _first = DateTimeOffset.MaxValue;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool WriteRow(ReadOnlySpan<byte> entityId, DateTimeOffset timestamp, ReadOnlySpan<ReadOnlyMemory<byte>> values)
    {
        _rows++;
        _first = timestamp < _first ? timestamp : _first;
        _last = timestamp > _last ? timestamp : _last;

        // Algorithm R: row n replaces a kept one with probability capacity / n, so every row is equally likely kept.
        var slot = _rows <= capacity ? -1 : _random.NextInt64(_rows);
        if (_rows <= capacity || slot < capacity)
        {
            // Only kept rows are copied: most rows of a big export are never kept.
            var id = Encoding.UTF8.GetString(entityId);
            for (var i = 0; i < columns.Count; i++)
            {
                var kept = (id, values[i].IsEmpty ? null : values[i].ToArray());
                if (slot < 0)
                {
                    _samples[i].Add(kept);
                }
                else
                {
                    _samples[i][(int)slot] = kept;
                }
            }
        }

        return inner.WriteRow(entityId, timestamp, values);
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    /// <summary>
    /// One training-set baseline per column with a single value line; none when no row was written. Its window runs
    /// from the first row's timestamp to a microsecond (the store's precision) after the last one's.
    /// </summary>
    public IReadOnlyList<DriftBaseline> Baselines(DateTimeOffset createdAt)
    {
        if (_rows == 0)
        {
            return [];
        }

        return [.. columns.Select((column, i) => (column, i)).Where(c => !c.column.VersionPerEntity).Select(c => new DriftBaseline(
            Guid.NewGuid(), c.column.Feature.Name, c.column.Resolved.ValueLine, c.column.Resolved.Version.Version.ToString(), DriftBaselineKinds.TrainingSet,
            _first, End(_last), Sampled(_samples[c.i]), createdAt))];
    }

    // A microsecond after the last row, or the last representable instant when the last row is (nearly) that.
    private static DateTimeOffset End(DateTimeOffset last) =>
        DateTimeOffset.MaxValue.UtcTicks - last.UtcTicks < TimeSpan.TicksPerMicrosecond ? DateTimeOffset.MaxValue : last.AddTicks(TimeSpan.TicksPerMicrosecond);

    // One JSON array per column, parsed once: a document per value cost more than the rest of the sample's save.
    private static List<SampledValue> Sampled(List<(string EntityId, byte[]? Json)> sample)
    {
        var array = new ArrayBufferWriter<byte>(sample.Sum(s => (s.Json?.Length ?? 4) + 1) + 2);
        array.Write("["u8);
        for (var i = 0; i < sample.Count; i++)
        {
            if (i > 0)
            {
                array.Write(","u8);
            }

            array.Write(sample[i].Json ?? "null"u8);
        }

        array.Write("]"u8);
        using var document = JsonDocument.Parse(array.WrittenMemory);
        var elements = document.RootElement.Clone().EnumerateArray().ToList();

        // A value that is not exactly one JSON value would shift every later one onto the wrong entity.
        if (elements.Count != sample.Count)
        {
            throw new InvalidOperationException($"an exported value is not a single JSON value: {elements.Count} values parsed from {sample.Count} samples");
        }

        return [.. sample.Select((s, i) => new SampledValue(s.EntityId, elements[i]))];
    }
}
