using System.Text.Json;
using FeatureStore.Core.Errors;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Values;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Postgres.Tests;

/// <summary>
/// The offline write path (history, durable online copy, vector mirror) on the real Postgres: what
/// a write leaves in each table, checked row by row.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OfflineWriteTests(InfrastructureFixture infrastructure)
{
    private const string Intent = "user:test_intent";
    private const string Embedding = "msg:test_embedding";
    private static readonly DateTimeOffset Day0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Each row's physical version: a row that was rewritten, even with the same values, gets a new one.
    private const string Versions = """
        SELECT 'offline', string_agg(entity_id || '@' || valid_from || ':' || xmin || ctid, ',' ORDER BY entity_id, valid_from) FROM ai_feature_values_offline
        UNION ALL SELECT 'online', string_agg(entity_id || ':' || xmin || ctid, ',' ORDER BY entity_id) FROM ai_feature_values_online
        UNION ALL SELECT 'vectors', string_agg(entity_id || ':' || xmin || ctid, ',' ORDER BY entity_id) FROM ai_feature_vectors
        """;

    [Fact]
    public async Task An_unchanged_rewrite_touches_no_row_but_still_returns_every_current_value()
    {
        await using var database = await DatabaseAsync("rewrite");
        var store = database.Services.GetRequiredService<IOfflineStore>();
        List<ValueWrite> batch =
        [
            Write(Intent, "user", "u1", "\"pricing\"", Day0), Write(Intent, "user", "u1", "\"booking\"", Day0.AddDays(1)),
            Write(Intent, "user", "u2", "\"support\"", Day0), Write(Embedding, "message", "m1", Vector(0.5), Day0),
        ];
        await store.WriteAsync(batch, CancellationToken.None);
        var before = await VersionsAsync(database);

        var current = await store.WriteAsync(batch, CancellationToken.None);

        Assert.Equal(before, await VersionsAsync(database));
        Assert.Equal(["m1 " + Vector(0.5).Replace(",", ", ", StringComparison.Ordinal), "u1 \"booking\"", "u2 \"support\""],
            current.Select(v => $"{v.Key.EntityId} {v.Value.GetRawText()}").Order(StringComparer.Ordinal));

        // A changed value at an existing instant still replaces the row, and the copies follow it.
        await store.WriteAsync([Write(Intent, "user", "u1", "\"support\"", Day0.AddDays(1)), Write(Embedding, "message", "m1", Vector(0.25), Day0)], CancellationToken.None);
        Assert.Equal("\"support\"", await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT value::text FROM ai_feature_values_online WHERE entity_id = 'u1'"));
        Assert.Equal(0.25f, await Sql.ScalarAsync<float>(database.ConnectionString, "SELECT (embedding::real[])[1] FROM ai_feature_vectors WHERE entity_id = 'm1'"));
        Assert.Equal(3L, await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM ai_feature_values_offline WHERE feature_id = (SELECT id FROM ai_feature_registry WHERE name = 'user:test_intent')"));
    }

    [Fact]
    public async Task Writes_before_between_and_after_a_long_history_keep_every_interval_ending_where_the_next_begins()
    {
        await using var database = await DatabaseAsync("chain");
        var store = database.Services.GetRequiredService<IOfflineStore>();
        // One batch of 50 instants of one key, out of order (even days), beside another key.
        await store.WriteAsync([.. Enumerable.Range(0, 50).Reverse().Select(i => Write(Intent, "user", "u1", "\"pricing\"", Day0.AddDays(2 * i))),
            Write(Intent, "user", "u2", "\"booking\"", Day0.AddDays(7))], CancellationToken.None);

        // Into the middle alone; then before the first, into the middle twice (neighbours) and after the last, in one batch.
        await store.WriteAsync([Write(Intent, "user", "u1", "\"support\"", Day0.AddDays(51))], CancellationToken.None);
        var current = await store.WriteAsync([Write(Intent, "user", "u1", "\"booking\"", Day0.AddDays(-1)), Write(Intent, "user", "u1", "\"booking\"", Day0.AddDays(21)),
            Write(Intent, "user", "u1", "\"support\"", Day0.AddDays(21.5)), Write(Intent, "user", "u1", "\"support\"", Day0.AddDays(100))], CancellationToken.None);

        var instants = new[] { -1.0, 21, 21.5, 51, 100 }.Concat(Enumerable.Range(0, 50).Select(i => 2.0 * i)).Order().Select(d => Day0.AddDays(d)).ToList();
        var expected = instants.Select((from, i) => $"{from:O} {(i + 1 < instants.Count ? instants[i + 1].ToString("O") : "null")}");
        Assert.Equal(expected, await ChainAsync(database, "u1"));
        Assert.Equal([$"{Day0.AddDays(7):O} null"], await ChainAsync(database, "u2"));
        var latest = Assert.Single(current);
        Assert.Equal(("\"support\"", Day0.AddDays(100)), (latest.Value.GetRawText(), latest.ValidFrom));

        // An older value afterwards leaves the online copy where it is.
        await store.WriteAsync([Write(Intent, "user", "u1", "\"pricing\"", Day0.AddDays(99))], CancellationToken.None);
        Assert.Equal("\"support\"", await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT value::text FROM ai_feature_values_online WHERE entity_id = 'u1'"));
        Assert.Equal($"{Day0.AddDays(99):O} {Day0.AddDays(100):O}", (await ChainAsync(database, "u1"))[^2]);
    }

    [Fact]
    public async Task Each_key_comes_back_once_as_its_online_row_holds_it_whether_handed_on_by_the_write_or_refreshed_from_history()
    {
        await using var database = await DatabaseAsync("handoff");
        var store = database.Services.GetRequiredService<IOfflineStore>();
        await store.WriteAsync([Write(Intent, "user", "backfilled", "\"support\"", Day0.AddDays(5)), Write(Intent, "user", "newer", "\"pricing\"", Day0)], CancellationToken.None);

        // A first write (two instants, and an embedding whose text jsonb rewrites), a value into the past and a new latest value, in one batch.
        var current = await store.WriteAsync(
        [
            Write(Intent, "user", "first", "\"pricing\"", Day0), Write(Intent, "user", "first", "\"booking\"", Day0.AddDays(1)),
            Write(Embedding, "message", "m1", "[1E-05" + Vector(0.5)[4..], Day0),
            Write(Intent, "user", "backfilled", "\"booking\"", Day0.AddDays(1)),
            Write(Intent, "user", "newer", "\"booking\"", Day0.AddDays(3)),
        ], CancellationToken.None);

        // Each online row is its key's latest history row, with the same computed_at and the definition's time to live.
        var online = await Sql.StringsAsync(database.ConnectionString, """
            SELECT n.entity_id || ' ' || left(n.value::text, 9) || ' ' || to_char(n.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' '
                   || (n.expires_at - n.valid_from)::text || ' ' || (n.computed_at = o.computed_at AND n.value = o.value AND o.valid_to IS NULL)::text
            FROM ai_feature_values_online n
            JOIN ai_feature_values_offline o USING (feature_id, version_major, entity_type, entity_id, valid_from)
            ORDER BY n.entity_id
            """);
        Assert.Equal(["backfilled \"support\" 2026-01-06 2 days true", "first \"booking\" 2026-01-02 2 days true", "m1 [0.00001, 2026-01-01 2 days true",
            "newer \"booking\" 2026-01-04 2 days true"], online);
        var stored = await Sql.StringsAsync(database.ConnectionString, """
            SELECT entity_id || ' ' || value::text || ' ' || to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' '
                   || to_char(computed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
            FROM ai_feature_values_online ORDER BY entity_id
            """);
        Assert.Equal(stored, current.Select(v => $"{v.Key.EntityId} {v.Value.GetRawText()} {v.ValidFrom.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} {v.ComputedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.ffffff}")
            .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_vector_mirror_holds_the_floats_of_the_current_value_whether_sent_by_the_writer_or_parsed_from_the_stored_row()
    {
        await using var database = await DatabaseAsync("mirror");
        var store = database.Services.GetRequiredService<IOfflineStore>();
        // Numbers whose float rounding is easy to get wrong: exponents, long mantissas, values below float precision.
        var awkward = "[" + string.Join(",", Enumerable.Range(0, 384).Select(i => (i % 4) switch
        {
            0 => "1E-05", 1 => "0.1000000000000000055511151231257827", 2 => "-3.4028234e+38", _ => "0.33333334326744080",
        })) + "]";
        const string MirrorMatchesStored = """
            SELECT v.embedding = (n.value::text)::vector AND v.valid_from = n.valid_from
            FROM ai_feature_vectors v JOIN ai_feature_values_online n USING (feature_id, version_major, entity_type, entity_id)
            WHERE v.entity_id = 'm1'
            """;

        // Sent by the writer: the current value is the one just written.
        await store.WriteAsync([Write(Embedding, "message", "m1", awkward, Day0)], CancellationToken.None);
        Assert.True(await Sql.ScalarAsync<bool>(database.ConnectionString, MirrorMatchesStored));

        // Parsed from the stored row: the online copy and the mirror are lost, and a backfill before the current value
        // makes the write restore the copy from the history's latest row, which this write did not send.
        await Sql.ExecuteAsync(database.ConnectionString, "DELETE FROM ai_feature_values_online WHERE entity_id = 'm1'; DELETE FROM ai_feature_vectors WHERE entity_id = 'm1'");
        await store.WriteAsync([Write(Embedding, "message", "m1", Vector(0.5), Day0.AddDays(-1))], CancellationToken.None);
        Assert.True(await Sql.ScalarAsync<bool>(database.ConnectionString, MirrorMatchesStored));
        Assert.Equal(1E-05f, await Sql.ScalarAsync<float>(database.ConnectionString, "SELECT (embedding::real[])[1] FROM ai_feature_vectors WHERE entity_id = 'm1'"));
    }

    [Fact]
    public async Task A_batch_naming_an_unregistered_feature_is_refused_whole_with_feature_not_found()
    {
        // The value tables hold no foreign key to the registry: the writer's own check is what keeps them clean.
        await using var database = await DatabaseAsync("unknown");
        var store = database.Services.GetRequiredService<IOfflineStore>();

        var error = await Assert.ThrowsAsync<FeatureStoreException>(() => store.WriteAsync(
            [Write(Intent, "user", "u1", "\"pricing\"", Day0), Write("user:nope", "user", "u1", "\"pricing\"", Day0)], CancellationToken.None));

        Assert.Equal((FeatureStoreErrorCodes.FeatureNotFound, "no feature named 'user:nope'"), (error.Code, error.Message));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT (SELECT count(*) FROM ai_feature_values_offline) + (SELECT count(*) FROM ai_feature_values_online)"));
    }

    private async Task<MigratedDatabase> DatabaseAsync(string prefix)
    {
        var database = await MigratedDatabase.CreateAsync(infrastructure, prefix);
        await database.Services.GetRequiredService<IFeatureRegistry>().ApplyAsync([Definitions.Intent(), Definitions.Embedding()], "test", CancellationToken.None);
        return database;
    }

    private static ValueWrite Write(string feature, string entityType, string entityId, string json, DateTimeOffset validFrom)
    {
        using var document = JsonDocument.Parse(json);
        var type = feature == Embedding ? "vector" : "categorical";
        return new ValueWrite(new FeatureKey(feature, 1, entityType, entityId), "1.0.0", document.RootElement.Clone(), type, validFrom, TimeSpan.FromDays(2));
    }

    private static string Vector(double first) => "[" + string.Join(",", Enumerable.Range(0, 384).Select(i => i == 0 ? first : 1.0 / (i + 1)).Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]";

    private static async Task<List<string>> VersionsAsync(MigratedDatabase database) =>
        await Sql.StringsAsync(database.ConnectionString, $"SELECT coalesce(versions, '') FROM ({Versions}) t(kind, versions)");

    private static async Task<List<string>> ChainAsync(MigratedDatabase database, string entityId) =>
        await Sql.StringsAsync(database.ConnectionString, $"""
            SELECT to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"0+00:00"') || ' ' ||
                   coalesce(to_char(valid_to AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"0+00:00"'), 'null')
            FROM ai_feature_values_offline WHERE entity_id = '{entityId}' ORDER BY valid_from
            """);
}
