using FeatureStore.Core.Sources;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.SyntheticData.Tests;

/// <summary>Generated traffic loaded through the production registration into a real, migrated Postgres.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PostgresSourceStoreTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly TisTisGeneratorOptions Options = new() { Seed = 11, Tenants = 3, UsersPerTenant = 20, Messages = 800 };
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private MigratedDatabase _database = null!;
    private ISourceStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.CreateAsync(infrastructure, "sources");
        _store = _database.Services.GetRequiredService<ISourceStore>();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_generated_dataset_loads_in_batches_with_every_row_counted_per_table()
    {
        var generator = new TisTisGenerator(Options);
        var expected = Generated.From(generator);

        foreach (var batch in generator.Batches(250))
        {
            await _store.WriteAsync(batch, CancellationToken.None);
        }

        var counts = await _store.CountAsync(CancellationToken.None);
        Assert.Equal(
            new SourceCounts(3, 60, expected.Conversations.Count, 800, expected.Feedback.Count, expected.Bookings.Count, expected.Events.Count),
            counts);
        Assert.True(counts.Feedback > 0 && counts.Bookings > 0 && counts.AnalyticsEvents > 0);
        // Text, nulls and times survive the binary COPY exactly.
        var question = expected.Messages.First(m => m.Text.StartsWith('¿'));
        Assert.Equal(question.Text, await Sql.ScalarAsync<string>(_database.ConnectionString, $"SELECT text FROM src_messages WHERE id = '{question.Id}'"));
        Assert.Equal(expected.Messages.Count(m => m.ResponseTimeMs is null), await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM src_messages WHERE response_time_ms IS NULL"));
        Assert.Equal(expected.Messages.Max(m => m.SentAt), await Sql.ScalarAsync<DateTime>(_database.ConnectionString, "SELECT max(sent_at) FROM src_messages"));
        Assert.Equal(expected.Tenants[0].OpensAt.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            await Sql.ScalarAsync<string>(_database.ConnectionString, "SELECT opens_at::text FROM src_tenants WHERE id = 't001'"));
        Assert.Equal("object", await Sql.ScalarAsync<string>(_database.ConnectionString, "SELECT DISTINCT jsonb_typeof(preferences) FROM src_users"));
        // seq numbers every row in arrival order; ingested_at is the database's clock.
        Assert.Equal(800, await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(DISTINCT seq) FROM src_messages"));
        Assert.Equal("m00000800", await Sql.ScalarAsync<string>(_database.ConnectionString, "SELECT id FROM src_messages ORDER BY seq DESC LIMIT 1"));
        Assert.Equal(0, await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM src_messages WHERE ingested_at < now() - interval '1 hour'"));
    }

    [Fact]
    public async Task A_batch_with_one_satisfaction_of_9_writes_nothing_of_any_kind()
    {
        await LoadAsync();
        var before = await _store.CountAsync(CancellationToken.None);
        var batch = FreshBatch() with { Feedback = [new Feedback("fx2", "t001", "u000001", "cx1", null, 4, Now), new Feedback("fx3", "t001", "u000001", "cx1", null, 9, Now)] };

        var error = await Assert.ThrowsAsync<InvalidSourceRowsException>(() => _store.WriteAsync(batch, CancellationToken.None));

        Assert.Equal(("src_feedback", "ck_src_feedback_satisfaction"), (error.Table, error.Rule));
        Assert.Equal("INVALID_ARGUMENT", error.Code);
        Assert.Contains("nothing of the batch was written", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reloading_the_same_rows_in_a_new_call_is_refused_whole()
    {
        await LoadAsync();
        var before = await _store.CountAsync(CancellationToken.None);
        var again = new TisTisGenerator(Options).Batches(100_000).Last();

        var error = await Assert.ThrowsAsync<InvalidSourceRowsException>(() => _store.WriteAsync(FreshBatch() with { Messages = again.Messages }, CancellationToken.None));

        Assert.Equal("src_messages", error.Table);
        Assert.Equal(before, await _store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_user_message_with_a_response_time_is_refused()
    {
        var batch = FreshBatch() with { Messages = [new Message("mx1", "cx1", "t001", "u000001", MessageRole.User, "Hola", Now, 1200, Intents.Greeting, "es")] };

        var error = await Assert.ThrowsAsync<InvalidSourceRowsException>(() => _store.WriteAsync(batch, CancellationToken.None));

        Assert.Equal("ck_src_messages_response_time", error.Rule);
        Assert.Equal(0, (await _store.CountAsync(CancellationToken.None)).Total);
    }

    [Fact]
    public async Task A_role_outside_user_and_assistant_is_refused_by_the_table()
    {
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Sql.ExecuteAsync(_database.ConnectionString,
            "INSERT INTO src_messages (id, conversation_id, tenant_id, user_id, role, text, sent_at, language) VALUES ('m1', 'c1', 't1', 'u1', 'system', 'x', now(), 'es')"));

        Assert.Equal("ck_src_messages_role", error.ConstraintName);
    }

    [Fact]
    public async Task Deleting_everything_keeps_sequence_numbers_growing()
    {
        await LoadAsync();
        var lastSeq = await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT max(seq) FROM src_messages");

        await _store.DeleteAllAsync(CancellationToken.None);
        Assert.Equal(0, (await _store.CountAsync(CancellationToken.None)).Total);
        await _store.WriteAsync(FreshBatch(), CancellationToken.None);

        Assert.True(await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT min(seq) FROM src_messages") > lastSeq);
        Assert.Equal(new SourceCounts(1, 1, 1, 2, 1, 1, 1), await _store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_batch_writes_nothing_and_succeeds()
    {
        await _store.WriteAsync(SourceBatch.Empty, CancellationToken.None);

        Assert.Equal(0, (await _store.CountAsync(CancellationToken.None)).Total);
    }

    private static DateTimeOffset Now => new(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);

    private async Task LoadAsync()
    {
        foreach (var batch in new TisTisGenerator(Options).Batches(400))
        {
            await _store.WriteAsync(batch, CancellationToken.None);
        }
    }

    // One valid row of every kind, with ids the generator never uses.
    private static SourceBatch FreshBatch() => new(
        [new Tenant("tx1", "Test", "America/Bogota", new TimeOnly(9, 0), new TimeOnly(18, 0), "es")],
        [new User("ux1", "tx1", "es", "{}")],
        [new Conversation("cx1", "tx1", "ux1", Now, "web")],
        [
            new Message("mx1", "cx1", "tx1", "ux1", MessageRole.User, "¿Abren mañana?", Now, null, Intents.Information, "es"),
            new Message("mx2", "cx1", "tx1", "ux1", MessageRole.Assistant, "Sí, de 9:00 a 18:00.", Now.AddSeconds(1), 1000, null, "es"),
        ],
        [new Feedback("fx1", "tx1", "ux1", "cx1", "mx2", 5, Now.AddMinutes(1))],
        [new Booking("bx1", "tx1", "ux1", "cx1", Now.AddMinutes(1), Now.Add(Day), "corte")],
        [new AnalyticsEvent("ex1", "tx1", null, "page_view", Now, """{"page":"/"}""")]);
}
