using System.Runtime.CompilerServices;
using FeatureStore.Core.TrainingSets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// Stages a training-set spine: sorted in memory up to <see cref="TrainingSetReadOptions.SortInMemoryUpTo"/> rows
/// (<see cref="SpineBuffer"/>), beyond that in a temporary table with binary COPY (Postgres sorts it, spilling to disk
/// when large) and read back in order. Each value line's history comes from <see cref="LineHistoryReader"/>.
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
        var summary = new SpineSummary(options.Value.ListEntitiesUpTo);
        SpineBuffer? buffered = new();
        try
        {
            await using var rest = rows.GetAsyncEnumerator(cancellationToken);
            var more = await rest.MoveNextAsync();
            for (; more && buffered.Count < options.Value.SortInMemoryUpTo; more = await rest.MoveNextAsync())
            {
                buffered.Add(rest.Current.EntityId, rest.Current.Timestamp);
                summary.Add(buffered.Id(buffered.Count - 1), buffered.UtcTicks(buffered.Count - 1));
            }

            if (!more)
            {
                buffered.Sort();
                var sorted = new SortedSpine(buffered, summary, Reader(entityType, summary));
                buffered = null; // the sorted spine gives it back
                return sorted;
            }

            return await StageInTableAsync(entityType, buffered, rest, summary, cancellationToken);
        }
        finally
        {
            buffered?.Dispose();
        }
    }

    // A spine too large to sort in memory: the rows read so far and the rest go to a temporary table.
    private async Task<IStagedSpine> StageInTableAsync(string entityType, SpineBuffer buffered, IAsyncEnumerator<SpineRow> rest, SpineSummary summary,
        CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var create = new NpgsqlCommand(TrainingSetSql.CreateSpine, connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await CopyInAsync(connection, buffered, rest, summary, cancellationToken);
            return new StagedSpine(connection, summary, Reader(entityType, summary));
        }
        catch
        {
            await DropAsync(connection);
            throw;
        }
    }

    private LineHistoryReader Reader(string entityType, SpineSummary summary) => new(dataSource, featureIds, snapshots, entityType, summary);

    // Writes the rows read so far, then the rest (its current row first), as binary COPY, a chunk at a time, noting
    // what the history reads need of the rest: the entity range and the last timestamp, as Postgres stores them.
    private static async Task CopyInAsync(NpgsqlConnection connection, SpineBuffer buffered, IAsyncEnumerator<SpineRow> rest, SpineSummary summary,
        CancellationToken cancellationToken)
    {
        var copy = await connection.BeginRawBinaryCopyAsync(TrainingSetSql.CopySpineIn, cancellationToken);
        var chunk = new byte[CopyChunk * 2];
        var used = BinaryCopy.WriteHeader(chunk);
        try
        {
            for (var i = 0; i < buffered.Count; i++)
            {
                (chunk, used) = await MakeRoomAsync(copy, chunk, used, BinaryCopy.SpineRowLength(buffered.Id(i).Length), cancellationToken);
                buffered.Id(i).CopyTo(chunk.AsSpan(used + 6));
                used += BinaryCopy.WriteSpineRow(chunk.AsSpan(used), buffered.Id(i).Length, buffered.UtcTicks(i));
            }

            do
            {
                var row = rest.Current;
                (chunk, used) = await MakeRoomAsync(copy, chunk, used, BinaryCopy.SpineRowLength(BinaryCopy.Utf8.GetMaxByteCount(row.EntityId.Length)), cancellationToken);
                var idBytes = BinaryCopy.Utf8.GetBytes(row.EntityId, chunk.AsSpan(used + 6));
                var ticks = BinaryCopy.FromPostgres(BinaryCopy.ToPostgres(row.Timestamp.UtcTicks));
                summary.Add(chunk.AsSpan(used + 6, idBytes), ticks);
                used += BinaryCopy.WriteSpineRow(chunk.AsSpan(used), idBytes, ticks);
            }
            while (await rest.MoveNextAsync());

            (chunk, used) = await MakeRoomAsync(copy, chunk, used, 2, cancellationToken);
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
    }

    // Sends the chunk once it holds CopyChunk bytes or has no room for the next row's most bytes; a row larger than
    // the chunk gets a larger one.
    private static async Task<(byte[] Chunk, int Used)> MakeRoomAsync(NpgsqlRawCopyStream copy, byte[] chunk, int used, int most, CancellationToken cancellationToken)
    {
        if (used < CopyChunk && chunk.Length - used >= most)
        {
            return (chunk, used);
        }

        await copy.WriteAsync(chunk.AsMemory(0, used), cancellationToken);
        return (most > chunk.Length ? new byte[most] : chunk, 0);
    }

    private sealed class SortedSpine(SpineBuffer rows, SpineSummary summary, LineHistoryReader history) : IStagedSpine
    {
        public long Count => summary.Count;

        public async IAsyncEnumerable<EntityRowBatch> ReadOrderedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var batch in rows.Batches())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return batch;
            }

            await Task.CompletedTask;
        }

        public IAsyncEnumerable<EntityRowBatch> ReadHistoryAsync(string feature, int valueLine, CancellationToken cancellationToken) =>
            history.ReadAsync(feature, valueLine, cancellationToken);

        public ValueTask DisposeAsync()
        {
            rows.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class StagedSpine(NpgsqlConnection connection, SpineSummary summary, LineHistoryReader history) : IStagedSpine
    {
        public long Count => summary.Count;

        public IAsyncEnumerable<EntityRowBatch> ReadOrderedAsync(CancellationToken cancellationToken) =>
            CopyReadAhead.ReadAsync((batches, stop) => CopyReadAhead.CopyAsync(connection, TrainingSetSql.CopySpineOut, withValues: false, batches, stop), cancellationToken);

        public IAsyncEnumerable<EntityRowBatch> ReadHistoryAsync(string feature, int valueLine, CancellationToken cancellationToken) =>
            history.ReadAsync(feature, valueLine, cancellationToken);

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
