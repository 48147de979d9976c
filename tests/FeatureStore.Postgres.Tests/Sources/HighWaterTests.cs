using FeatureStore.Core.Computation;
using FeatureStore.Core.Sources;
using FeatureStore.Postgres.Sources;
using FeatureStore.Testing;
using Npgsql;
using static FeatureStore.Postgres.Tests.Sources.HandMadeSources;

namespace FeatureStore.Postgres.Tests.Sources;

/// <summary>
/// ISourceReader.HighWaterAsync: the last seq of each table, read only once every source write in
/// flight has committed (and source writes wait while it reads), through the source write lock.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class HighWaterTests(InfrastructureFixture infrastructure) : SourceTestBase(infrastructure, "srchigh")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Empty_tables_are_at_the_start()
    {
        Assert.Equal(SourcePositions.Start, await Reader.HighWaterAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_high_water_is_the_last_seq_of_each_table()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);
        Assert.Equal(new SourcePositions(6, 4, 2, 3), await Reader.HighWaterAsync(CancellationToken.None));

        await Store.WriteAsync(SourceBatch.Empty with { Feedback = [F1 with { Id = "f3" }] }, CancellationToken.None);
        Assert.Equal(new SourcePositions(6, 4, 3, 3), await Reader.HighWaterAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_high_water_waits_for_a_write_in_flight_and_then_includes_its_rows()
    {
        await Store.WriteAsync(Batch, CancellationToken.None);
        await using var writer = new NpgsqlConnection(Database.ConnectionString);
        await writer.OpenAsync();
        await using var write = await writer.BeginTransactionAsync();
        await ExecuteAsync(writer, $"SELECT pg_advisory_xact_lock_shared({SourceWriteLock.Key})");
        await ExecuteAsync(writer, "INSERT INTO src_messages (id, conversation_id, tenant_id, user_id, role, text, sent_at, language) VALUES ('m7', 'c1', 't1', 'u1', 'user', 'Gracias', now(), 'es')");

        var highWater = Reader.HighWaterAsync(CancellationToken.None);
        await WaitUntilSomeoneWaitsForTheLockAsync();
        Assert.False(highWater.IsCompleted);
        await write.CommitAsync();

        Assert.Equal(new SourcePositions(7, 4, 2, 3), await highWater.WaitAsync(Patience));
    }

    [Theory]
    [InlineData(nameof(ISourceStore.WriteAsync))]
    [InlineData(nameof(ISourceStore.WriteNewAsync))]
    public async Task A_source_write_waits_while_the_high_water_is_read(string method)
    {
        await using var highWaterReader = new NpgsqlConnection(Database.ConnectionString);
        await highWaterReader.OpenAsync();
        await using var read = await highWaterReader.BeginTransactionAsync();
        await ExecuteAsync(highWaterReader, $"SELECT pg_advisory_xact_lock({SourceWriteLock.Key})");

        var write = method == nameof(ISourceStore.WriteAsync) ? Store.WriteAsync(Batch, CancellationToken.None) : Store.WriteNewAsync(Batch, CancellationToken.None);
        await WaitUntilSomeoneWaitsForTheLockAsync();
        Assert.False(write.IsCompleted);
        Assert.Equal(0, await Sql.ScalarAsync<long>(Database.ConnectionString, "SELECT count(*) FROM src_messages"));
        await read.CommitAsync();

        await write.WaitAsync(Patience);
        Assert.Equal(6, await Sql.ScalarAsync<long>(Database.ConnectionString, "SELECT count(*) FROM src_messages"));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // Polls pg_locks rather than sleeping: the other side is blocked exactly when its lock request waits.
    private async Task WaitUntilSomeoneWaitsForTheLockAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (await Sql.ScalarAsync<long>(Database.ConnectionString, """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "nobody started waiting for the source write lock");
            await Task.Delay(20);
        }
    }
}
