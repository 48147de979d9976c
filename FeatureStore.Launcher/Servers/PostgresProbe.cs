using Npgsql;

namespace FeatureStore.Launcher.Servers;

/// <summary>Aspire's Postgres health check: a connection and <c>SELECT 1</c>.</summary>
internal static class PostgresProbe
{
    public static string ConnectionString(ServerEndpoint server, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = server.Host,
            Port = server.Port,
            Username = "postgres",
            Password = server.Password,
            Database = database,
        }.ConnectionString;

    public static async Task<bool> AnswersAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
