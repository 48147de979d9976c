using FeatureStore.Core.Computation;
using Npgsql;

namespace FeatureStore.Postgres.Sources;

/// <summary>
/// Reads the <c>src_*</c> tables for computation (<see cref="SourceReaderSql"/>). A load of any
/// number of entities is one round trip: one statement per named source, sent as one batch and
/// streamed through one data reader.
/// </summary>
internal sealed class PostgresSourceReader(NpgsqlDataSource dataSource) : ISourceReader
{
    public async Task<IReadOnlyDictionary<string, EntitySources>> LoadAsync(string entityType, IReadOnlyCollection<string> sources, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(sources);
        var reads = ReadableSource.For(entityType, Tables(sources));
        var tenant = entityType == ComputedEntityTypes.Message && sources.Contains(ValueInstants.TenantsSource);
        var loaded = new Dictionary<string, EntityRowLists>(StringComparer.Ordinal);
        if (ids.Count > 0 && (reads.Count > 0 || tenant))
        {
            try
            {
                await LoadIntoAsync(loaded, entityType, reads, tenant, ids as string[] ?? [.. ids], cancellationToken);
            }
            catch (PostgresException failure) when (SourceErrors.NotMigrated(failure) is { } translated)
            {
                throw translated;
            }
        }

        return loaded.ToDictionary(entity => entity.Key, entity => entity.Value.ToSources(), StringComparer.Ordinal);
    }

    public async Task<SourcePositions> HighWaterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Read committed: the max(seq) statement takes its snapshot once the lock is ours, so
            // it sees every write that was in flight.
            await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { SourceWriteLock.Exclusive(), new(SourceReaderSql.HighWater) } };
            SourcePositions positions;
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                positions = new SourcePositions(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }

            await transaction.CommitAsync(cancellationToken);
            return positions;
        }
        catch (PostgresException failure) when (SourceErrors.NotMigrated(failure) is { } translated)
        {
            throw translated;
        }
    }

    public Task<IReadOnlyList<string>> ChangedEntitiesAsync(string entityType, IReadOnlyCollection<string> sources, SourcePositions after, SourcePositions upTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(upTo);
        var reads = ReadableSource.For(entityType, Tables(sources));
        return reads.Count == 0
            ? Task.FromResult<IReadOnlyList<string>>([])
            : ReadIdsAsync(SourceReaderSql.Changed(reads, entityType == ComputedEntityTypes.Message), reads.SelectMany(r => new object[] { r.Source.Position(after), r.Source.Position(upTo) }), cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesInContextOfAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        return messageIds.Count == 0
            ? Task.FromResult<IReadOnlyList<string>>([])
            : ReadIdsAsync(SourceReaderSql.MessagesInContextOf, [messageIds as string[] ?? [.. messageIds]], cancellationToken);
    }

    public Task<IReadOnlyList<string>> EntitiesWithRowsBetweenAsync(string entityType, string source, DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var reads = ReadableSource.For(entityType, Tables([source]));
        return reads is [var (named, column)]
            ? ReadIdsAsync(SourceReaderSql.RowsBetween(named, column), [after.ToUniversalTime(), upTo.ToUniversalTime()], cancellationToken)
            : Task.FromResult<IReadOnlyList<string>>([]);
    }

    // The tenant "source" is a row per entity, not a table of timed rows: the other queries skip it.
    private static string[] Tables(IEnumerable<string> sources) => [.. sources.Where(s => s != ValueInstants.TenantsSource)];

    private async Task LoadIntoAsync(Dictionary<string, EntityRowLists> loaded, string entityType, IReadOnlyList<(ReadableSource Source, string Column)> reads, bool tenant,
        string[] ids, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var readers = new List<Action<NpgsqlDataReader, EntityRowLists>>();
        foreach (var (source, column) in reads)
        {
            // A message is computed in its conversation's context: its earlier messages come with it.
            var sql = entityType == ComputedEntityTypes.Message && source == ReadableSource.Messages ? SourceReaderSql.MessageContext : SourceReaderSql.Load(source, column);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new NpgsqlParameter<string[]> { TypedValue = ids } } });
            readers.Add(source.AddRow);
        }

        if (tenant)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(SourceReaderSql.MessageTenant) { Parameters = { new NpgsqlParameter<string[]> { TypedValue = ids } } });
            readers.Add((reader, rows) => rows.Tenant = SourceRowReaders.Tenant(reader));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var addRow in readers)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var entityId = reader.GetString(0);
                if (!loaded.TryGetValue(entityId, out var rows))
                {
                    loaded[entityId] = rows = new EntityRowLists();
                }

                addRow(reader, rows);
            }

            await reader.NextResultAsync(cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> ReadIdsAsync(string sql, IEnumerable<object> parameters, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(sql);
            foreach (var value in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var ids = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }
        catch (PostgresException failure) when (SourceErrors.NotMigrated(failure) is { } translated)
        {
            throw translated;
        }
    }
}
