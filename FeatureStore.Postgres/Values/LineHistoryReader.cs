using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using FeatureStore.Core.Serving;
using FeatureStore.Core.TrainingSets;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// Each value line's history for one spine (its entity type and <see cref="SpineSummary"/>), in index order with a
/// binary COPY on a connection of its own, read a few batches ahead of the merge on its own thread
/// (<see cref="CopyReadAhead"/>). A spine of many entities reads each line whole and keeps it in memory; later
/// exports take the kept line while no write has changed it (<see cref="HistorySnapshots"/>).
/// </summary>
internal sealed class LineHistoryReader(NpgsqlDataSource dataSource, FeatureIds featureIds, HistorySnapshots snapshots, string entityType, SpineSummary summary)
{
    public async IAsyncEnumerable<EntityRowBatch> ReadAsync(string feature, int valueLine, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (summary.Count == 0)
        {
            yield break;
        }

        await foreach (var batch in CopyReadAhead.ReadAsync((batches, stop) => CopyHistoryAsync(feature, valueLine, batches, stop), cancellationToken))
        {
            yield return batch;
        }
    }

    // One line's history for the merge: a kept copy when the line's marks say no write changed it since, else read
    // from the store (whole, and kept, for a spine of many entities).
    private async Task CopyHistoryAsync(string feature, int valueLine, ChannelWriter<EntityRowBatch> batches, CancellationToken cancellationToken)
    {
        if (await ReadUnlessKeptAsync(feature, valueLine, batches, cancellationToken) is not { } kept)
        {
            return;
        }

        foreach (var batch in KeptRange.Of(kept, summary.MinEntityBytes, summary.MaxEntityBytes))
        {
            await batches.WriteAsync(batch, cancellationToken);
        }
    }

    // Marks, settings and rows are read in one repeatable-read transaction, so the marks kept with a line name
    // exactly the writes its rows include. Returns the kept copy (its connection already back in the pool), patched
    // if writes came since, or null once the rows were read from the store into the batches.
    private async Task<IReadOnlyList<EntityRowBatch>?> ReadUnlessKeptAsync(string feature, int valueLine, ChannelWriter<EntityRowBatch> batches,
        CancellationToken cancellationToken)
    {
        await using var history = await dataSource.OpenConnectionAsync(cancellationToken);
        var featureId = (await featureIds.ResolveAsync(history, [feature], cancellationToken))[feature];
        var line = new LineKey(featureId, valueLine, entityType);
        // The settings are local to the transaction: they end with it, before the connection goes back to the pool.
        await using var transaction = await history.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var marks = snapshots.Budget > 0 ? await ReadMarksAsync(history, line, cancellationToken) : null;
        if (marks is not null && snapshots.Find(line, marks) is { } kept)
        {
            if (kept.IsCurrent)
            {
                CountRead("memory");
                return kept.Batches;
            }

            if (await PatchAsync(history, transaction, line, kept, marks, cancellationToken) is { } patched)
            {
                CountRead("patched");
                return patched;
            }
        }

        CountRead("store");
        await SetParametersAsync(history, transaction, featureId, valueLine, summary.Entities, cancellationToken);
        if (marks is null || summary.Entities is not null || snapshots.IsTooLarge(line))
        {
            var read = summary.Entities is null ? TrainingSetSql.CopyHistoryOut : TrainingSetSql.CopyListedHistoryOut;
            await CopyReadAhead.CopyAsync(history, read, withValues: true, batches, cancellationToken);
            return null;
        }

        var collector = new LineCollector(batches, snapshots.Budget);
        await CopyReadAhead.CopyAsync(history, TrainingSetSql.CopyLineOut, withValues: true, collector, cancellationToken);
        if (collector.Batches is { } whole)
        {
            snapshots.Keep(line, marks, whole, collector.Bytes);
        }
        else
        {
            snapshots.TooLarge(line);
        }

        return null;
    }

    // Writes came since the kept copy was read: the entities they changed (named by the changes log when every such
    // write was logged, else found by the rows' versions: in the unlogged writes' entity ranges when the marks give
    // them, else in the whole line) are read again, whole, and merged into it, which is kept in
    // its place. Null when too many changed: the line is read whole instead.
    private async Task<IReadOnlyList<EntityRowBatch>?> PatchAsync(NpgsqlConnection history, NpgsqlTransaction transaction, LineKey line, KeptLine kept,
        LineMarks marks, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        var ranges = kept.UnloggedSince ? UnloggedRanges.Since(kept.Marks.Unlogged, await ReadRangesAsync(history, line, cancellationToken)) : null;
        var find = !kept.UnloggedSince ? TrainingSetSql.ChangedEntities
            : ranges is not null ? TrainingSetSql.EntitiesChangedSinceWithin
            : TrainingSetSql.EntitiesWithRowsChangedSince;
        if (kept.UnloggedSince)
        {
            snapshots.CountSearch(wholeLine: ranges is null);
        }

        await using (var query = new NpgsqlCommand(find, history, transaction))
        {
            AddLine(query, line);
            query.Parameters.AddWithValue("kept", kept.Marks.Snapshot);
            query.Parameters.AddWithValue("limit", snapshots.PatchUpTo);
            if (ranges is not null)
            {
                query.Parameters.Add(new NpgsqlParameter<string[]>("lows", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. ranges.Select(r => r.Low)] });
                query.Parameters.Add(new NpgsqlParameter<string[]>("highs", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. ranges.Select(r => r.High)] });
            }

            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                changed.Add(reader.GetString(0));
            }
        }

        if (changed.Count > snapshots.PatchUpTo)
        {
            return null;
        }

        var patched = kept.Batches;
        var bytes = kept.Batches.Sum(b => b.Bytes);
        if (changed.Count > 0)
        {
            await SetParametersAsync(history, transaction, line.FeatureId, line.Line, changed, cancellationToken);
            var fresh = Channel.CreateUnbounded<EntityRowBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            await CopyReadAhead.CopyAsync(history, TrainingSetSql.CopyListedLineOut, withValues: true, fresh.Writer, cancellationToken);
            var rows = new List<EntityRowBatch>();
            while (fresh.Reader.TryRead(out var batch))
            {
                rows.Add(batch);
            }

            (patched, bytes) = KeptPatch.Apply(kept.Batches, [.. changed.Select(Encoding.UTF8.GetBytes)], rows);
        }

        snapshots.KeepPatched(line, marks, patched, bytes);
        return patched;
    }

    // The line's unlogged marks with their ranges, in the patch's transaction: the same snapshot as the marks.
    private static async Task<List<StripeRange>> ReadRangesAsync(NpgsqlConnection history, LineKey line, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand(TrainingSetSql.LineRanges, history);
        AddLine(read, line);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var stripes = new List<StripeRange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stripes.Add(new StripeRange(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return stripes;
    }

    // The line a statement is about: @feature, @line, @entity_type.
    private static void AddLine(NpgsqlCommand command, LineKey line)
    {
        command.Parameters.AddWithValue("feature", line.FeatureId);
        command.Parameters.AddWithValue("line", line.Line);
        command.Parameters.AddWithValue("entity_type", line.EntityType);
    }

    private static void CountRead(string from) => ServingMetrics.ExportLineReads.Add(1, new KeyValuePair<string, object?>("from", from));

    private static async Task<LineMarks> ReadMarksAsync(NpgsqlConnection history, LineKey line, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand(TrainingSetSql.LineMarks, history);
        AddLine(read, line);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LineMarks(reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    // The read's settings (TrainingSetSql.SetHistoryParameters): listed entities are read by probes, then sorted.
    private async Task SetParametersAsync(NpgsqlConnection history, NpgsqlTransaction transaction, Guid featureId, int valueLine,
        IReadOnlyCollection<string>? entities, CancellationToken cancellationToken)
    {
        await using var parameters = new NpgsqlCommand(TrainingSetSql.SetHistoryParameters, history, transaction);
        parameters.Parameters.AddWithValue("feature", featureId.ToString());
        parameters.Parameters.AddWithValue("line", valueLine.ToString(CultureInfo.InvariantCulture));
        parameters.Parameters.AddWithValue("entity_type", entityType);
        parameters.Parameters.AddWithValue("min_entity", summary.MinEntity);
        parameters.Parameters.AddWithValue("max_entity", summary.MaxEntity);
        parameters.Parameters.AddWithValue("until", summary.Until);
        parameters.Parameters.AddWithValue("enable_sort", entities is null ? "off" : "on");
        parameters.Parameters.Add(new NpgsqlParameter<string[]>("entities", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. entities ?? []] });
        await parameters.ExecuteNonQueryAsync(cancellationToken);
    }
}
