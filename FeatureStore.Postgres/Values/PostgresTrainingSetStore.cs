using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FeatureStore.Core.TrainingSets;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// Stages a training-set spine in a temporary table with binary COPY (Postgres sorts it, spilling
/// to disk when large) and reads each value line's history in index order, one connection per line.
/// </summary>
internal sealed class PostgresTrainingSetStore(NpgsqlDataSource dataSource, FeatureIds featureIds) : ITrainingSetStore
{
    public async Task<IStagedSpine> StageAsync(string entityType, IAsyncEnumerable<SpineRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var create = new NpgsqlCommand("DROP TABLE IF EXISTS pg_temp.fs_spine; CREATE TEMP TABLE fs_spine (entity_id text COLLATE \"C\" NOT NULL, ts timestamptz NOT NULL)", connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var copy = await connection.BeginBinaryImportAsync("COPY fs_spine (entity_id, ts) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                await foreach (var row in rows.WithCancellation(cancellationToken))
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(row.EntityId, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(row.Timestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await using var summary = new NpgsqlCommand("SELECT count(*), min(entity_id), max(entity_id) FROM fs_spine", connection);
            await using var reader = await summary.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var count = reader.GetInt64(0);
            (string, string)? range = count == 0 ? null : (reader.GetString(1), reader.GetString(2));
            return new StagedSpine(dataSource, featureIds, connection, entityType, count, range);
        }
        catch
        {
            await DropAsync(connection);
            throw;
        }
    }

    private const int BatchSize = 2_048;
    private const int ReadAheadBatches = 4;

    private sealed class StagedSpine(NpgsqlDataSource dataSource, FeatureIds featureIds, NpgsqlConnection connection, string entityType, long count, (string Min, string Max)? range) : IStagedSpine
    {
        public long Count => count;

        public async IAsyncEnumerable<SpineRow> ReadOrderedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("SELECT entity_id, ts FROM fs_spine ORDER BY entity_id, ts", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return new SpineRow(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));
            }
        }

        public async IAsyncEnumerable<HistoryRow> ReadHistoryAsync(string feature, int valueLine, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (range is not { } entities)
            {
                yield break;
            }

            // Rows are read (and decoded by Npgsql) on another thread, a batch ahead of the merge,
            // so the two cores share the work; a bounded channel keeps memory to a few batches.
            var batches = Channel.CreateBounded<HistoryRow[]>(new BoundedChannelOptions(ReadAheadBatches) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reading = Task.Run(() => ReadBatchesAsync(feature, valueLine, entities, batches.Writer, stop.Token), CancellationToken.None);
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
                {
                    foreach (var row in batch)
                    {
                        yield return row;
                    }
                }
            }
            finally
            {
                await stop.CancelAsync();
                await reading;
            }
        }

        private async Task ReadBatchesAsync(string feature, int valueLine, (string Min, string Max) entities, ChannelWriter<HistoryRow[]> batches, CancellationToken cancellationToken)
        {
            try
            {
                await using var history = await dataSource.OpenConnectionAsync(cancellationToken);
                var featureId = (await featureIds.ResolveAsync(history, [feature], cancellationToken))[feature];
                // Walk the lookup index in its order: the planner would rather bitmap-scan and sort
                // (on disk, per line), which costs more than the scan itself. SET LOCAL ends with the transaction.
                await using var transaction = await history.BeginTransactionAsync(cancellationToken);
                await using (var plan = new NpgsqlCommand("SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off", history, transaction))
                {
                    await plan.ExecuteNonQueryAsync(cancellationToken);
                }

                await using var command = new NpgsqlCommand("""
                    SELECT entity_id, valid_from, value::text
                    FROM ai_feature_values_offline
                    WHERE feature_id = @feature AND version_major = @line AND entity_type = @type AND entity_id BETWEEN @min AND @max
                    ORDER BY entity_id, valid_from
                    """, history, transaction);
                command.Parameters.AddWithValue("feature", featureId);
                command.Parameters.AddWithValue("line", valueLine);
                command.Parameters.AddWithValue("type", entityType);
                command.Parameters.AddWithValue("min", entities.Min);
                command.Parameters.AddWithValue("max", entities.Max);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var batch = new List<HistoryRow>(BatchSize);
                while (await reader.ReadAsync(cancellationToken))
                {
                    batch.Add(new HistoryRow(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2)));
                    if (batch.Count == BatchSize)
                    {
                        await batches.WriteAsync([.. batch], cancellationToken);
                        batch.Clear();
                    }
                }

                await batches.WriteAsync([.. batch], cancellationToken);
                batches.Complete();
            }
            catch (Exception error)
            {
                // The merge sees the failure (or the cancellation) where it reads the next batch.
                batches.TryComplete(error);
            }
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
                await using var drop = new NpgsqlCommand("DROP TABLE IF EXISTS pg_temp.fs_spine", connection);
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
