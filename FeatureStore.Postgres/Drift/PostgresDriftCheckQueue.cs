using FeatureStore.Core.Drift;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Postgres.Drift;

/// <summary>
/// Drift checks in <c>ai_drift_requests</c>. Replicas claim with <c>FOR UPDATE SKIP LOCKED</c>, so two never run
/// the same request at once; a request whose replica died is claimed again after its lease, three times at most.
/// </summary>
internal sealed class PostgresDriftCheckQueue(NpgsqlDataSource dataSource) : IDriftCheckQueue
{
    private const int MaxAttempts = 3;

    private const string Columns = "id, kind, features, window_end, status, requested_by, requested_at, completed_at, failure";

    public async Task<DriftCheckRequest> RequestAsync(IReadOnlyList<string> features, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO ai_drift_requests (id, kind, features, window_end, status, requested_by, requested_at, attempts)
            VALUES (@id, 'requested', @features, NULL, 'pending', @by, now(), 0)
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("id", Guid.NewGuid());
        command.Parameters.AddWithValue("features", features.ToArray());
        command.Parameters.AddWithValue("by", requestedBy);
        return (await ReadAsync(command, cancellationToken))!;
    }

    public async Task<bool> ScheduleAsync(DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO ai_drift_requests (id, kind, features, window_end, status, requested_by, requested_at, attempts)
            VALUES (@id, 'scheduled', '{}', @end, 'pending', 'scheduler', now(), 0)
            ON CONFLICT (window_end) WHERE kind = 'scheduled' DO NOTHING
            """);
        command.Parameters.AddWithValue("id", Guid.NewGuid());
        command.Parameters.AddWithValue("end", windowEnd.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<DriftCheckRequest?> ClaimAsync(string worker, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE ai_drift_requests r
            SET status = 'running', claimed_by = @worker, claimed_until = now() + @lease, attempts = r.attempts + 1
            WHERE r.id = (SELECT id FROM ai_drift_requests
                          WHERE status = 'pending' OR (status = 'running' AND claimed_until < now() AND attempts < @max_attempts)
                          ORDER BY requested_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("max_attempts", MaxAttempts);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task CompleteAsync(Guid id, string worker, string? failure, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE ai_drift_requests
            SET status = CASE WHEN @failure::text IS NULL THEN 'done' ELSE 'failed' END, failure = @failure, completed_at = now(), claimed_until = NULL
            WHERE id = @id AND claimed_by = @worker AND status = 'running'
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.Add(new NpgsqlParameter("failure", NpgsqlDbType.Text) { Value = (object?)failure ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<DriftCheckRequest?> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DriftCheckRequest(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetFieldValue<string[]>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetFieldValue<DateTimeOffset>(6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            reader.IsDBNull(8) ? null : reader.GetString(8));
    }
}
