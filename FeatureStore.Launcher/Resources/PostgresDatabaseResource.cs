using FeatureStore.Launcher.Servers;
using Npgsql;

namespace FeatureStore.Launcher.Resources;

/// <summary>
/// A database on a Postgres server, created when the server is ready (as Aspire does, ignoring
/// "already exists"), with the <c>vector</c> extension checked so a missing pgvector fails here,
/// with advice, rather than deep inside a migration.
/// </summary>
public sealed class PostgresDatabaseResource : Resource, IConnectionStringResource
{
    private readonly PostgresServerResource _server;

    internal PostgresDatabaseResource(string name, PostgresServerResource server) : base(name)
    {
        _server = server;
        AddWaitFor(server);
    }

    public string ConnectionString => _server.Endpoint is { } e
        ? PostgresProbe.ConnectionString(e, Name)
        : throw new InvalidOperationException($"{_server.Name} has not started");

    public override string Target => _server.Endpoint is { } e ? $"Host={e.Host};Port={e.Port};Database={Name}" : "";

    internal override async Task StartAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        SetState(ResourceState.Starting);
        try
        {
            await CreateDatabaseAsync(cancellationToken);
            await EnsureVectorExtensionAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var failure = error as LaunchException ?? new LaunchException($"{Name}: {error.Message}", error);
            SetFailed(failure);
            throw failure;
        }

        SetState(ResourceState.Healthy);
    }

    internal override Task StopAsync(CancellationToken cancellationToken)
    {
        SetState(ResourceState.Stopped);
        return Task.CompletedTask;
    }

    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(PostgresProbe.ConnectionString(_server.Endpoint!, "postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by an earlier run: the data is kept.
        }
    }

    private async Task EnsureVectorExtensionAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS vector", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedFile)
        {
            throw new LaunchException("pgvector is not installed for this PostgreSQL server: run 'bash eng/install-prerequisites.sh'", error);
        }
    }
}
