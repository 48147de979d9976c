using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Core.Drift;

/// <summary>
/// Passes an export's rows on to <paramref name="inner"/> and keeps a uniform sample (seeded) of at most
/// <paramref name="capacity"/> values per column: once the export is done, each sample becomes that feature's
/// training-set baseline, so drift is then measured against what the model was trained on. Columns whose version
/// depends on the entity (an A/B split) mix two value lines and get no baseline. When the export says how many
/// rows it will write (<paramref name="expectedRows"/>), the sample is drawn as they pass (selection sampling): each
/// kept row is copied once. Otherwise by reservoir sampling, which copies about capacity x (1 + ln(rows /
/// capacity)) rows, most of them replaced later (20,000 row copies per column for 100,000 rows).
/// </summary>
public sealed class TrainingSetBaselineWriter(ITrainingSetWriter inner, IReadOnlyList<TrainingSetColumn> columns, int capacity = TrainingSetBaselineWriter.DefaultCapacity, int seed = 1,
    long expectedRows = 0)
    : ITrainingSetWriter
{
    /// <summary>Values kept per column by default: as many as a drift run reads of a window.</summary>
    public const int DefaultCapacity = 5_000;

    // With an announced count the sample's size is known: its lists are made that size once (5,000 entries of 16 bytes
    // stay under the large-object threshold, where doubling to 8,192 would not).
    private readonly List<(string EntityId, byte[]? Json)>[] _samples =
        [.. columns.Select(_ => new List<(string, byte[]?)>((int)Math.Min(capacity, expectedRows)))];
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

        var slot = Slot();
        if (slot is { } kept)
        {
            // Only kept rows are copied: most rows of a big export are never kept.
            var id = Encoding.UTF8.GetString(entityId);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = (id, values[i].IsEmpty ? null : values[i].ToArray());
                if (kept < 0)
                {
                    _samples[i].Add(value);
                }
                else
                {
                    _samples[i][kept] = value;
                }
            }
        }

        return inner.WriteRow(entityId, timestamp, values);
    }

    // Rows kept so far: every column keeps the same rows.
    private int Kept => _samples.Length == 0 ? 0 : _samples[0].Count;

    // Where this row goes: -1 appended, a slot to replace, or null not kept.
    private int? Slot()
    {
        if (_rows <= expectedRows)
        {
            // Selection sampling (Knuth's algorithm S): kept with probability (still needed) / (rows left, this one
            // included), so every row is equally likely kept and exactly min(capacity, rows) are.
            return _random.NextInt64(expectedRows - _rows + 1) < capacity - Kept ? -1 : null;
        }

        if (Kept < capacity)
        {
            return -1;
        }

        // Algorithm R, also past an announced count: row n replaces a kept one with probability capacity / n.
        var slot = _random.NextInt64(_rows);
        return slot < capacity ? (int)slot : null;
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
        var elements = document.RootElement.Clone();

        // A value that is not exactly one JSON value would shift every later one onto the wrong entity.
        if (elements.GetArrayLength() != sample.Count)
        {
            throw new InvalidOperationException($"an exported value is not a single JSON value: {elements.GetArrayLength()} values parsed from {sample.Count} samples");
        }

        var sampled = new List<SampledValue>(sample.Count);
        foreach (var element in elements.EnumerateArray())
        {
            sampled.Add(new SampledValue(sample[sampled.Count].EntityId, element));
        }

        return sampled;
    }
}
