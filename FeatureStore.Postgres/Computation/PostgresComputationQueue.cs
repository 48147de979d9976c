using FeatureStore.Core.Computation;
using FeatureStore.Core.Computation.Runs;
using FeatureStore.Postgres.Values;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Postgres.Computation;

/// <summary>
/// Jobs and work items in <c>ai_computation_jobs</c> / <c>ai_computation_work_items</c>. Replicas
/// claim items with <c>FOR UPDATE SKIP LOCKED</c>, so two never take the same item at once, and a
/// lease lets another replica take over an item whose replica died.
/// </summary>
internal sealed class PostgresComputationQueue(NpgsqlDataSource dataSource, ILogger<PostgresComputationQueue> logger) : IComputationQueue
{
    private const string JobColumns = """
        j.id, j.kind, j.schedule, j.features, j.at, j.after, j.messages_seq, j.conversations_seq, j.feedback_seq, j.bookings_seq,
        j.status, j.items_total, j.items_done, j.entities_done, j.errors, j.requested_by, j.created_at, j.completed_at
        """;

    public async Task<ComputationJob?> LastJobAsync(string schedule, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {JobColumns} FROM ai_computation_jobs j WHERE j.schedule = @schedule ORDER BY j.at DESC, j.created_at DESC LIMIT 1");
        command.Parameters.AddWithValue("schedule", schedule);
        return await ReadFirstAsync(command, cancellationToken);
    }

    public async Task<ComputationJob?> CreateAsync(ComputationJob job, IReadOnlyList<(string EntityType, IReadOnlyList<string> Ids)> items, IReadOnlyList<VectorLoad> vectorLoads,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(vectorLoads);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO ai_computation_jobs (id, kind, schedule, features, at, after, messages_seq, conversations_seq, feedback_seq, bookings_seq,
                status, items_total, items_done, entities_done, errors, requested_by, completed_at)
            VALUES (@id, @kind, @schedule, @features, @at, @after, @m, @c, @f, @b, @status, @total, 0, 0, 0, @by, @completed)
            ON CONFLICT (schedule, at) WHERE kind = 'scheduled' DO NOTHING
            """, connection, transaction))
        {
            var empty = items.Count == 0;
            insert.Parameters.AddWithValue("id", job.Id);
            insert.Parameters.AddWithValue("kind", job.Kind);
            insert.Parameters.AddWithValue("schedule", job.Schedule);
            insert.Parameters.AddWithValue("features", job.Features.ToArray());
            insert.Parameters.AddWithValue("at", job.At.ToUniversalTime());
            insert.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.TimestampTz) { Value = (object?)job.After?.ToUniversalTime() ?? DBNull.Value });
            insert.Parameters.AddWithValue("m", job.Positions.Messages);
            insert.Parameters.AddWithValue("c", job.Positions.Conversations);
            insert.Parameters.AddWithValue("f", job.Positions.Feedback);
            insert.Parameters.AddWithValue("b", job.Positions.Bookings);
            insert.Parameters.AddWithValue("status", empty ? "done" : "running");
            insert.Parameters.AddWithValue("total", items.Count);
            insert.Parameters.AddWithValue("by", job.RequestedBy);
            insert.Parameters.Add(new NpgsqlParameter("completed", NpgsqlDbType.TimestampTz) { Value = empty ? DateTimeOffset.UtcNow : DBNull.Value });
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        if (items.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("COPY ai_computation_work_items (job_id, entity_type, entity_ids, status, attempts, entities, errors) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var (entityType, ids) in items)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(job.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(entityType, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(ids.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync("pending", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        // After the commit: a replica may claim items before the index goes, which costs only those items' speed.
        if (items.Count > 0)
        {
            await VectorIndexes.DeferAsync(connection, job.Id, vectorLoads, cancellationToken);
        }

        return await GetAsync(job.Id, cancellationToken);
    }

    public async Task<WorkItem?> ClaimAsync(string worker, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH claimed AS (
                UPDATE ai_computation_work_items w
                SET status = 'running', claimed_by = @worker, claimed_until = now() + @lease, attempts = w.attempts + 1
                WHERE w.id = (SELECT id FROM ai_computation_work_items
                              WHERE status = 'pending' OR (status = 'running' AND claimed_until < now())
                              ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING w.id, w.job_id, w.entity_type, w.entity_ids, w.attempts)
            SELECT c.id, c.entity_type, c.entity_ids, c.attempts, {JobColumns}
            FROM claimed c JOIN ai_computation_jobs j ON j.id = c.job_id
            """);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("lease", lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new WorkItem(reader.GetInt64(0), ReadJob(reader, 4), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetInt32(3));
    }

    public Task CompleteAsync(WorkItem item, string worker, int entities, int errors, CancellationToken cancellationToken) =>
        FinishAsync(item, worker, "done", entities, errors, null, cancellationToken);

    public Task FailAsync(WorkItem item, string worker, string reason, CancellationToken cancellationToken) =>
        FinishAsync(item, worker, "failed", 0, 1, reason, cancellationToken);

    public async Task<ComputationJob?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {JobColumns} FROM ai_computation_jobs j WHERE j.id = @id");
        command.Parameters.AddWithValue("id", id);
        return await ReadFirstAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ComputationJob>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {JobColumns} FROM ai_computation_jobs j ORDER BY j.created_at DESC, j.id LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        return await ReadJobsAsync(command, cancellationToken);
    }

    // The item's row changes only while this worker still holds it, and the job's progress moves
    // in the same transaction: a second claimant that finishes the same item changes nothing. The replica that
    // ends the job builds the vector indexes it deferred (the next item it claims waits for that).
    private async Task FinishAsync(WorkItem item, string worker, string status, int entities, int errors, string? failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH finished AS (
                UPDATE ai_computation_work_items
                SET status = @status, entities = @entities, errors = @errors, failure = @failure, completed_at = now(), claimed_until = NULL
                WHERE id = @id AND status = 'running' AND claimed_by = @worker
                RETURNING job_id)
            UPDATE ai_computation_jobs j
            SET items_done = j.items_done + 1, entities_done = j.entities_done + @entities, errors = j.errors + @errors,
                status = CASE WHEN j.items_done + 1 < j.items_total THEN j.status
                              WHEN j.status = 'failed' OR @status = 'failed' THEN 'failed' ELSE 'done' END,
                completed_at = CASE WHEN j.items_done + 1 >= j.items_total THEN now() END
            FROM finished WHERE j.id = finished.job_id
            RETURNING j.status
            """, connection);
        command.Parameters.AddWithValue("id", item.Id);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("entities", entities);
        command.Parameters.AddWithValue("errors", errors);
        command.Parameters.Add(new NpgsqlParameter("failure", NpgsqlDbType.Text) { Value = (object?)failure ?? DBNull.Value });
        if (await command.ExecuteScalarAsync(cancellationToken) is string jobStatus && jobStatus != "running")
        {
            await BuildDeferredIndexesAsync(connection, item.Job.Id, cancellationToken);
        }
    }

    // The item is done whatever happens here: a failed build is logged, not the item's failure, and the next ensure
    // (a registry apply, a migration, the end of any job) builds the index.
    private async Task BuildDeferredIndexesAsync(NpgsqlConnection connection, Guid job, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (index, took) in await VectorIndexes.EnsureAsync(connection, cancellationToken))
            {
                logger.LogInformation("Job {Job} ended: built vector index {Index} in {Seconds:0.0} s", job, index, took.TotalSeconds);
            }
        }
        catch (NpgsqlException error)
        {
            logger.LogError(error, "Job {Job} ended, but building its vector indexes failed; the next index ensure retries", job);
        }
    }

    private static async Task<ComputationJob?> ReadFirstAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var jobs = await ReadJobsAsync(command, cancellationToken);
        return jobs.Count > 0 ? jobs[0] : null;
    }

    private static async Task<IReadOnlyList<ComputationJob>> ReadJobsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<ComputationJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(ReadJob(reader, 0));
        }

        return jobs;
    }

    private static ComputationJob ReadJob(NpgsqlDataReader reader, int first) => new(
        reader.GetGuid(first),
        reader.GetString(first + 1),
        reader.GetString(first + 2),
        reader.GetFieldValue<string[]>(first + 3),
        reader.GetFieldValue<DateTimeOffset>(first + 4),
        reader.IsDBNull(first + 5) ? null : reader.GetFieldValue<DateTimeOffset>(first + 5),
        new SourcePositions(reader.GetInt64(first + 6), reader.GetInt64(first + 7), reader.GetInt64(first + 8), reader.GetInt64(first + 9)),
        reader.GetString(first + 10),
        reader.GetInt32(first + 11),
        reader.GetInt32(first + 12),
        reader.GetInt64(first + 13),
        reader.GetInt64(first + 14),
        reader.GetString(first + 15),
        reader.GetFieldValue<DateTimeOffset>(first + 16),
        reader.IsDBNull(first + 17) ? null : reader.GetFieldValue<DateTimeOffset>(first + 17));
}
