using FeatureStore.Launcher.Resources;
using Npgsql;

namespace FeatureStore.Launcher.Servers;

/// <summary>
/// Creates a database on a running server, as Aspire does (ignoring "already exists"), and checks
/// the <c>vector</c> extension so a missing pgvector fails here, with advice, rather than deep
/// inside a migration. Test fixtures use it for their per-class databases.
/// </summary>
public static class PostgresDatabases
{
    public static async Task EnsureCreatedAsync(PostgresServerResource server, string database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        await using (var admin = new NpgsqlConnection(server.ConnectionStringFor("postgres")))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", admin);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Created by an earlier run: the data is kept.
            }
        }

        await using var connection = new NpgsqlConnection(server.ConnectionStringFor(database));
        await connection.OpenAsync(cancellationToken);
        await using var extension = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS vector", connection);
        try
        {
            await extension.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedFile)
        {
            throw new LaunchException("pgvector is not installed for this PostgreSQL server: run 'bash eng/install-prerequisites.sh'", error);
        }
    }
}
