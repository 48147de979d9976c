using FeatureStore.Core.Drift;
using Npgsql;
using NpgsqlTypes;

namespace FeatureStore.Postgres.Drift;

/// <summary>
/// Remembered alert statuses in <c>ai_drift_alert_state</c>. An exchange makes sure the row exists, then locks it
/// (SELECT ... FOR UPDATE) for the rest of its transaction: two replicas deciding about the same subject take turns,
/// so only one of them sees the episode open.
/// </summary>
internal sealed class PostgresDriftAlertStates(NpgsqlDataSource dataSource) : IDriftAlertStates
{
    public async Task<string?> ExchangeAsync(string subject, string check, Func<string?, string> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var ensure = new NpgsqlCommand(
            "INSERT INTO ai_drift_alert_state (subject, check_name, status, updated_at) VALUES (@subject, @check, NULL, now()) ON CONFLICT DO NOTHING",
            connection, transaction))
        {
            Key(ensure, subject, check);
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }

        string? remembered;
        await using (var read = new NpgsqlCommand("SELECT status FROM ai_drift_alert_state WHERE subject = @subject AND check_name = @check FOR UPDATE", connection, transaction))
        {
            Key(read, subject, check);
            remembered = await read.ExecuteScalarAsync(cancellationToken) as string;
        }

        await using (var write = new NpgsqlCommand("UPDATE ai_drift_alert_state SET status = @status, updated_at = now() WHERE subject = @subject AND check_name = @check",
            connection, transaction))
        {
            Key(write, subject, check);
            write.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = decide(remembered) });
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return remembered;
    }

    private static void Key(NpgsqlCommand command, string subject, string check)
    {
        command.Parameters.AddWithValue("subject", subject);
        command.Parameters.AddWithValue("check", check);
    }
}
