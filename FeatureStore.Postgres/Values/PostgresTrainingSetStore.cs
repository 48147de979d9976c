using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FeatureStore.Core.Serving;
using FeatureStore.Core.TrainingSets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// Stages a training-set spine in a temporary table with binary COPY (Postgres sorts it, spilling to disk when
/// large) and reads it back, and each value line's history, in index order with binary COPYs: one connection per
/// line, each read a few batches ahead of the merge on its own thread (<see cref="CopyReadAhead"/>). A spine of many
/// entities reads each line whole and keeps it in memory; later exports take the kept line while no write has changed
/// it (<see cref="HistorySnapshots"/>).
/// </summary>
internal sealed class PostgresTrainingSetStore([FromKeyedServices(PostgresTrainingSetStore.DataSource)] NpgsqlDataSource dataSource, FeatureIds featureIds,
    HistorySnapshots snapshots, IOptions<TrainingSetReadOptions> options)
    : ITrainingSetStore
{
    /// <summary>The key of the export's own data source (big read buffers).</summary>
    public const string DataSource = "training-sets";

    private const int CopyChunk = 1 << 16;

    public async Task<IStagedSpine> StageAsync(string entityType, IAsyncEnumerable<SpineRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var create = new NpgsqlCommand(TrainingSetSql.CreateSpine, connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var summary = await CopyInAsync(connection, rows, new SpineSummary(options.Value.ListEntitiesUpTo), cancellationToken);
            return new StagedSpine(dataSource, featureIds, snapshots, connection, entityType, summary);
        }
        catch
        {
            await DropAsync(connection);
            throw;
        }
    }

    // Writes the rows as binary COPY, a chunk at a time, noting what the history reads need: the entity range and
    // the last timestamp, as Postgres stores them (microseconds).
    private static async Task<SpineSummary> CopyInAsync(NpgsqlConnection connection, IAsyncEnumerable<SpineRow> rows, SpineSummary summary, CancellationToken cancellationToken)
    {
        var copy = await connection.BeginRawBinaryCopyAsync(TrainingSetSql.CopySpineIn, cancellationToken);
        var chunk = new byte[CopyChunk * 2];
        var used = BinaryCopy.WriteHeader(chunk);
        try
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var most = BinaryCopy.SpineRowLength(BinaryCopy.Utf8.GetMaxByteCount(row.EntityId.Length));
                if (chunk.Length - used < most)
                {
                    await copy.WriteAsync(chunk.AsMemory(0, used), cancellationToken);
                    used = 0;
                    chunk = most > chunk.Length ? new byte[most] : chunk;
                }

                var idBytes = BinaryCopy.Utf8.GetBytes(row.EntityId, chunk.AsSpan(used + 6));
                var ticks = BinaryCopy.FromPostgres(BinaryCopy.ToPostgres(row.Timestamp.UtcTicks));
                summary.Add(chunk.AsSpan(used + 6, idBytes), ticks);
                used += BinaryCopy.WriteSpineRow(chunk.AsSpan(used), idBytes, ticks);
                if (used >= CopyChunk)
                {
                    await copy.WriteAsync(chunk.AsMemory(0, used), cancellationToken);
                    used = 0;
                }
            }

            used += BinaryCopy.WriteTrailer(chunk.AsSpan(used));
            await copy.WriteAsync(chunk.AsMemory(0, used), cancellationToken);
        }
        catch
        {
            // Nothing half-staged is kept (the caller drops the table too); the rows' error is the one to report.
            try
            {
                await copy.CancelAsync();
            }
            catch (Exception error) when (error is NpgsqlException or InvalidOperationException or ObjectDisposedException)
            {
                // The connection broke: it is not returned to the pool, and the table dies with it.
            }

            throw;
        }

        await copy.DisposeAsync(); // ends the COPY
        return summary;
    }

    private sealed class StagedSpine(NpgsqlDataSource dataSource, FeatureIds featureIds, HistorySnapshots snapshots, NpgsqlConnection connection,
        string entityType, SpineSummary summary)
        : IStagedSpine
    {
        public long Count => summary.Count;

        public IAsyncEnumerable<EntityRowBatch> ReadOrderedAsync(CancellationToken cancellationToken) =>
            CopyReadAhead.ReadAsync((batches, stop) => CopyReadAhead.CopyAsync(connection, TrainingSetSql.CopySpineOut, withValues: false, batches, stop), cancellationToken);

        public async IAsyncEnumerable<EntityRowBatch> ReadHistoryAsync(string feature, int valueLine, [EnumeratorCancellation] CancellationToken cancellationToken)
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

            ServingMetrics.ExportLineReads.Add(1, new KeyValuePair<string, object?>("from", "memory"));
            foreach (var batch in KeptRange.Of(kept, summary.MinEntityBytes, summary.MaxEntityBytes))
            {
                await batches.WriteAsync(batch, cancellationToken);
            }
        }

        // Marks, settings and rows are read in one repeatable-read transaction, so the marks kept with a line name
        // exactly the writes its rows include. Returns the kept copy (its connection already back in the pool), or
        // null once the rows were read from the store into the batches.
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
                return kept;
            }

            ServingMetrics.ExportLineReads.Add(1, new KeyValuePair<string, object?>("from", "store"));
            await SetParametersAsync(history, transaction, featureId, valueLine, cancellationToken);
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

        private static async Task<string> ReadMarksAsync(NpgsqlConnection history, LineKey line, CancellationToken cancellationToken)
        {
            await using var read = new NpgsqlCommand(TrainingSetSql.LineMarks, history);
            read.Parameters.AddWithValue("feature", line.FeatureId);
            read.Parameters.AddWithValue("line", line.Line);
            read.Parameters.AddWithValue("entity_type", line.EntityType);
            return (string)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        private async Task SetParametersAsync(NpgsqlConnection history, NpgsqlTransaction transaction, Guid featureId, int valueLine, CancellationToken cancellationToken)
        {
            await using var parameters = new NpgsqlCommand(TrainingSetSql.SetHistoryParameters, history, transaction);
            parameters.Parameters.AddWithValue("feature", featureId.ToString());
            parameters.Parameters.AddWithValue("line", valueLine.ToString(CultureInfo.InvariantCulture));
            parameters.Parameters.AddWithValue("entity_type", entityType);
            parameters.Parameters.AddWithValue("min_entity", summary.MinEntity);
            parameters.Parameters.AddWithValue("max_entity", summary.MaxEntity);
            parameters.Parameters.AddWithValue("until", summary.Until);
            parameters.Parameters.AddWithValue("enable_sort", summary.Entities is null ? "off" : "on");
            parameters.Parameters.Add(new NpgsqlParameter<string[]>("entities", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. summary.Entities ?? []] });
            await parameters.ExecuteNonQueryAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => DropAsync(connection);
    }

    // Pooled connections outlive the export: drop the staged rows now, not at the next session reset.
    private static async ValueTask DropAsync(NpgsqlConnection connection)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var drop = new NpgsqlCommand(TrainingSetSql.DropSpine, connection);
                await drop.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        catch (NpgsqlException)
        {
            // A broken connection is not returned to the pool, and its temporary table dies with it.
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
