using FeatureStore.Core.Sources;
using Npgsql;

namespace FeatureStore.Postgres.Sources;

/// <summary>
/// The <c>src_*</c> tables on Postgres. A write is one transaction with one binary COPY per row
/// kind that the batch holds (parents first), so a batch of any size costs a handful of round
/// trips and a bad row anywhere leaves nothing behind. <c>ingested_at</c> and <c>seq</c> are
/// filled by the database; every write holds <see cref="SourceWriteLock"/> shared.
/// </summary>
internal sealed class PostgresSourceStore(NpgsqlDataSource dataSource) : ISourceStore
{
    private const string Tables = "src_tenants, src_users, src_conversations, src_messages, src_feedback, src_bookings, src_analytics_events";

    public async Task WriteAsync(SourceBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.RowCount == 0)
        {
            return;
        }

        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, [SourceWriteLock.Shared()], cancellationToken);
            foreach (var kind in SourceRowKinds.All)
            {
                await kind.CopyAsync(connection, batch, kind.Table, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException failure) when (SourceErrors.OfWrite(failure) is { } translated)
        {
            throw translated;
        }
    }

    public async Task<long> WriteNewAsync(SourceBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // ON CONFLICT DO NOTHING would silently keep one of two rows with the same id; within one
        // batch that is the caller's mistake, refused as WriteAsync refuses it.
        foreach (var kind in SourceRowKinds.All)
        {
            if (kind.RepeatedIdIn(batch) is { } repeated)
            {
                throw new InvalidSourceRowsException(kind.Table, $"PK_{kind.Table}", $"id '{repeated}' appears more than once in the batch");
            }
        }

        var kinds = SourceRowKinds.All.Where(k => k.CountIn(batch) > 0).ToList();
        if (kinds.Count == 0)
        {
            return 0;
        }

        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, [SourceWriteLock.Shared(), .. kinds.Select(k => new NpgsqlBatchCommand(NewRowsSql.CreateStaging(k)))], cancellationToken);
            foreach (var kind in kinds)
            {
                await kind.CopyAsync(connection, batch, NewRowsSql.Staging(kind), cancellationToken);
            }

            var written = await ExecuteAsync(connection, transaction, [.. kinds.Select(k => new NpgsqlBatchCommand(NewRowsSql.InsertNew(k)))], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return written;
        }
        catch (PostgresException failure) when (SourceErrors.OfWrite(failure) is { } translated)
        {
            throw translated;
        }
    }

    public async Task<SourceCounts> CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("""
                SELECT (SELECT count(*) FROM src_tenants), (SELECT count(*) FROM src_users), (SELECT count(*) FROM src_conversations),
                       (SELECT count(*) FROM src_messages), (SELECT count(*) FROM src_feedback), (SELECT count(*) FROM src_bookings),
                       (SELECT count(*) FROM src_analytics_events)
                """);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new SourceCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
        }
        catch (PostgresException failure) when (SourceErrors.NotMigrated(failure) is { } translated)
        {
            throw translated;
        }
    }

    public async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            // No RESTART IDENTITY: seq keeps growing, so incremental runs never see an old number again.
            await using var command = dataSource.CreateCommand($"TRUNCATE {Tables}");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException failure) when (SourceErrors.NotMigrated(failure) is { } translated)
        {
            throw translated;
        }
    }

    // Several statements in one round trip; returns the rows they affected together.
    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        return await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
