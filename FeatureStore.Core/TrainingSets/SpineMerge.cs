using System.Runtime.CompilerServices;
using System.Text;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Serving;

namespace FeatureStore.Core.TrainingSets;

/// <summary>
/// The per-row part of the export's merge, synchronous: it joins spine rows with their values until it must wait
/// (a history batch not read yet, a writer with enough to send), says for what, and carries on where it stopped.
/// Like the rest of the export's per-row code it is compiled optimized from its first call
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): in a gateway that had just started, tiered
/// compilation's queue kept such code at tier 0 for whole exports of 100,000 rows.
/// </summary>
internal sealed class SpineMerge(IReadOnlyList<TrainingSetColumn> columns, IReadOnlyDictionary<(string Feature, int Line), HistoryCursor> cursors,
    ITrainingSetWriter writer, DateTimeOffset now)
{
    /// <summary>Rows written every so often: the caller reports progress then.</summary>
    public const int ProgressEvery = 100_000;

    // Without a split a column always reads one line: its cursor is found once, not per row.
    private readonly HistoryCursor?[] _fixed = [.. columns.Select(c => c.VersionPerEntity ? null : cursors[(c.Feature.Name, c.Resolved.ValueLine)])];
    private readonly bool _splits = columns.Any(c => c.VersionPerEntity);
    private readonly ReadOnlyMemory<byte>[] _values = new ReadOnlyMemory<byte>[columns.Count];
    private ReadOnlyMemory<byte> _entity = ReadOnlyMemory<byte>.Empty;
    private string _entityText = "";
    private int _row;
    private int _column;

    public enum Wait
    {
        /// <summary>Every row of the batch is written.</summary>
        BatchDone,

        /// <summary><see cref="Starved"/> needs its next batch.</summary>
        Fetch,

        /// <summary>The writer has enough to send.</summary>
        Flush,

        /// <summary><see cref="ProgressEvery"/> more rows were written.</summary>
        Progress,
    }

    public long Written { get; private set; }

    /// <summary>After <see cref="Wait.Fetch"/>: the cursor that ran out.</summary>
    public HistoryCursor? Starved { get; private set; }

    /// <summary>Starts on a new spine batch.</summary>
    public void Begin()
    {
        _row = 0;
        _column = 0;
    }

    /// <summary>Merges rows of <paramref name="batch"/> from where it stopped until it must wait.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Wait Run(EntityRowBatch batch)
    {
        for (; _row < batch.Count; _row++, _column = 0)
        {
            var entityId = batch.EntityId(_row);
            var ticks = batch.UtcTicks(_row);
            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            if (_splits && !entityId.Span.SequenceEqual(_entity.Span))
            {
                // A split buckets entities by their id as text: decoded once per entity, not per row.
                _entityText = Encoding.UTF8.GetString(entityId.Span);
                _entity = entityId;
            }

            for (; _column < columns.Count; _column++)
            {
                var column = columns[_column];
                var version = column.VersionPerEntity ? VersionResolver.Resolve(column.Feature, column.Pin, _entityText, now) : column.Resolved;
                var cursor = _fixed[_column] ?? cursors[(column.Feature.Name, version.ValueLine)];
                if (!cursor.TryAdvance(entityId.Span, ticks))
                {
                    Starved = cursor;
                    return Wait.Fetch;
                }

                _values[_column] = Cell(version.Version.Spec, cursor, entityId.Span, at);
            }

            Written++;
            var flush = writer.WriteRow(entityId.Span, at, _values);
            if (flush || Written % ProgressEvery == 0)
            {
                _row++;
                _column = 0;
                return flush ? Wait.Flush : Wait.Progress;
            }
        }

        return Wait.BatchDone;
    }

    private static ReadOnlyMemory<byte> Cell(FeatureSpec spec, HistoryCursor cursor, ReadOnlySpan<byte> entityId, DateTimeOffset at)
    {
        if (!cursor.TryGetValue(entityId, out var validFrom, out var json))
        {
            return ServingRules.ComputeOnDemand(spec, at) is { } computed ? Encoding.UTF8.GetBytes(computed.GetRawText()) : default;
        }

        return ServingRules.Withholds(spec, ServingRules.IsStale(spec, new DateTimeOffset(validFrom, TimeSpan.Zero), at)) ? default : json;
    }
}
