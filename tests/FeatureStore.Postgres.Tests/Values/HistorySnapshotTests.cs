using System.Globalization;
using System.Text;
using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.TrainingSets;
using FeatureStore.Core.Values;
using FeatureStore.Postgres.Values;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FeatureStore.Postgres.Tests.Values;

/// <summary>
/// The export's kept lines (<see cref="HistorySnapshots"/>) on the real Postgres: a line read whole is reused only
/// while no write has changed it, including a write that had begun, but not committed, when the line was read.
/// Reuse is seen directly: a kept line hands out the very batch objects of the read that kept it.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class HistorySnapshotTests(InfrastructureFixture infrastructure)
{
    private const string Intent = "user:test_intent";
    private const string Embedding = "msg:test_embedding";
    private static readonly DateTimeOffset Day0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_line_read_whole_is_reused_until_a_write_changes_it_and_an_unchanged_rewrite_keeps_it()
    {
        await using var database = await DatabaseAsync("kept");
        var store = database.Services.GetRequiredService<IOfflineStore>();
        List<ValueWrite> first = [Write(Intent, "u1", "\"pricing\"", Day0), Write(Intent, "u2", "\"booking\"", Day0), Write(Intent, "u3", "\"support\"", Day0.AddDays(1))];
        await store.WriteAsync(first, CancellationToken.None);
        string[] spine = ["u1", "u2", "u3"];

        var read = await ReadLineAsync(database, Intent, "user", spine);
        var again = await ReadLineAsync(database, Intent, "user", spine);

        Assert.Equal(["u1 2026-01-01 \"pricing\"", "u2 2026-01-01 \"booking\"", "u3 2026-01-02 \"support\""], read.Rows);
        Assert.Equal(read.Rows, again.Rows);
        Assert.True(read.Batches.SequenceEqual(again.Batches, ReferenceEqualityComparer.Instance), "the second read should be the kept copy");
        Assert.True(database.Services.GetRequiredService<HistorySnapshots>().Bytes > 0);

        // Writing the same values again changes no row (an idempotent re-run): the kept copy stays valid.
        await store.WriteAsync(first, CancellationToken.None);
        Assert.True((await ReadLineAsync(database, Intent, "user", spine)).Batches.SequenceEqual(read.Batches, ReferenceEqualityComparer.Instance));

        // A new value of one entity: the line is brought up to date (patched with that entity) and has it.
        await store.WriteAsync([Write(Intent, "u2", "\"support\"", Day0.AddDays(3))], CancellationToken.None);
        var changed = await ReadLineAsync(database, Intent, "user", spine);
        Assert.Equal(["u1 2026-01-01 \"pricing\"", "u2 2026-01-01 \"booking\"", "u2 2026-01-04 \"support\"", "u3 2026-01-02 \"support\""], changed.Rows);
        Assert.DoesNotContain(changed.Batches, b => read.Batches.Contains(b));

        // A spine of other entities of the same line is served from the kept copy too, in its range only.
        var other = await ReadLineAsync(database, Intent, "user", ["u2"]);
        Assert.True(other.Batches.SequenceEqual(changed.Batches, ReferenceEqualityComparer.Instance));
    }

    [Theory]
    [InlineData(1)] // logged: found in the changes log
    [InlineData(OfflineSql.LogChangesUpTo + 1)] // unlogged: found by the rows' versions
    public async Task A_write_under_way_while_a_line_is_read_is_patched_into_the_next_export(int entities)
    {
        await using var database = await DatabaseAsync("racing");
        var store = database.Services.GetRequiredService<IOfflineStore>();
        await store.WriteAsync([Write(Embedding, "m1", Vector(0.5), Day0), Write(Embedding, "m2", Vector(0.25), Day0)], CancellationToken.None);
        string[] spine = ["m0", "nz"];

        // Hold m1's vector row: the next write of m1 upserts its history and marks the line, then waits in the vector
        // mirror, with its transaction open.
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM ai_feature_vectors WHERE entity_id = 'm1' FOR UPDATE", holder, hold))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        var others = Enumerable.Range(0, entities - 1).Select(i => Write(Embedding, $"n{i:D4}", Vector(0.125), Day0));
        var writing = store.WriteAsync([Write(Embedding, "m1", Vector(0.75), Day0.AddDays(1)), .. others], CancellationToken.None);
        await WaitForRowLockWaitAsync(database);

        var during = await ReadLineAsync(database, Embedding, "message", spine);
        Assert.Equal(["m1 2026-01-01", "m2 2026-01-01"], during.Rows.Select(r => r[..13]));

        await hold.CommitAsync();
        await writing;

        var after = await ReadLineAsync(database, Embedding, "message", spine);
        Assert.Equal(["m1 2026-01-01", "m1 2026-01-02", "m2 2026-01-01"], after.Rows.Where(r => r[0] == 'm').Select(r => r[..13]));
        Assert.Equal(entities - 1, after.Rows.Count(r => r[0] == 'n'));
        Assert.DoesNotContain(after.Batches, b => during.Batches.Contains(b));
        // Only the written entities were read again: what the kept copy's snapshot saw as under way counts as new.
        Assert.Equal(1, database.Services.GetRequiredService<HistorySnapshots>().Patches);
    }

    [Fact]
    public async Task Small_writes_patch_the_kept_line_from_the_log_and_a_large_one_from_the_rows_versions()
    {
        await using var database = await DatabaseAsync("patched");
        var store = database.Services.GetRequiredService<IOfflineStore>();
        var snapshots = database.Services.GetRequiredService<HistorySnapshots>();
        await store.WriteAsync([Write(Intent, "u1", "\"pricing\"", Day0), Write(Intent, "u2", "\"booking\"", Day0), Write(Intent, "u3", "\"support\"", Day0.AddDays(1))],
            CancellationToken.None);
        string[] spine = ["u0", "uz"];
        await ReadLineAsync(database, Intent, "user", spine);

        // A later value, a value in an entity's past (its old first row is closed at it), a new entity: each patched in.
        await store.WriteAsync([Write(Intent, "u2", "\"support\"", Day0.AddDays(3))], CancellationToken.None);
        Assert.Equal(["u1 2026-01-01 \"pricing\"", "u2 2026-01-01 \"booking\"", "u2 2026-01-04 \"support\"", "u3 2026-01-02 \"support\""],
            (await ReadLineAsync(database, Intent, "user", spine)).Rows);
        await store.WriteAsync([Write(Intent, "u3", "\"pricing\"", Day0), Write(Intent, "u4", "\"booking\"", Day0.AddDays(2))], CancellationToken.None);
        var patched = await ReadLineAsync(database, Intent, "user", spine);
        Assert.Equal(["u1 2026-01-01 \"pricing\"", "u2 2026-01-01 \"booking\"", "u2 2026-01-04 \"support\"", "u3 2026-01-01 \"pricing\"",
            "u3 2026-01-02 \"support\"", "u4 2026-01-03 \"booking\""], patched.Rows);
        Assert.Equal(2, snapshots.Patches);

        // Nothing written since: the patched copy itself is reused.
        Assert.True((await ReadLineAsync(database, Intent, "user", spine)).Batches.SequenceEqual(patched.Batches, ReferenceEqualityComparer.Instance));

        // One write of more entities than are logged: they are found by their rows' versions, and patched in. It
        // gives u1 a later value and u2 one between its two: their old rows are re-chained, and come back with them.
        var many = Enumerable.Range(0, OfflineSql.LogChangesUpTo + 1).Select(i => Write(Intent, $"u{i:D4}", "\"booking\"", Day0.AddDays(5)))
            .Concat([Write(Intent, "u1", "\"support\"", Day0.AddDays(5)), Write(Intent, "u2", "\"pricing\"", Day0.AddDays(2))]).ToList();
        await store.WriteAsync(many, CancellationToken.None);
        Assert.Equal(0, await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM ai_feature_line_changes WHERE entity_id = 'u1000'"));
        var large = await ReadLineAsync(database, Intent, "user", spine);
        Assert.Equal(3, snapshots.Patches);
        Assert.Equal(await ReadWholeAsync(database, Intent, "user", spine), large.Rows);
        Assert.Equal(patched.Rows.Count + many.Count, large.Rows.Count);
        Assert.Contains("u1000 2026-01-06 \"booking\"", large.Rows);
        Assert.Equal(["u1 2026-01-01 \"pricing\"", "u1 2026-01-06 \"support\""], large.Rows.Where(r => r.StartsWith("u1 ", StringComparison.Ordinal)));

        // After it, small writes patch from the log again.
        await store.WriteAsync([Write(Intent, "u1", "\"booking\"", Day0.AddDays(6))], CancellationToken.None);
        Assert.Contains("u1 2026-01-07 \"booking\"", (await ReadLineAsync(database, Intent, "user", spine)).Rows);
        Assert.Equal(4, snapshots.Patches);
    }

    [Fact]
    public async Task A_write_changing_more_entities_than_are_patched_makes_the_kept_line_read_whole()
    {
        await using var database = await DatabaseAsync("repatched");
        database.Services.GetRequiredService<IOptions<TrainingSetReadOptions>>().Value.PatchEntitiesUpTo = 1_100;
        var store = database.Services.GetRequiredService<IOfflineStore>();
        var snapshots = database.Services.GetRequiredService<HistorySnapshots>();
        await store.WriteAsync([Write(Intent, "u1", "\"pricing\"", Day0)], CancellationToken.None);
        string[] spine = ["u0", "uz"];
        var read = await ReadLineAsync(database, Intent, "user", spine);

        var many = Enumerable.Range(0, 1_101).Select(i => Write(Intent, $"u{i:D4}", "\"booking\"", Day0.AddDays(1))).ToList();
        await store.WriteAsync(many, CancellationToken.None);
        var whole = await ReadLineAsync(database, Intent, "user", spine);

        Assert.Equal(0, snapshots.Patches);
        Assert.Equal(1 + many.Count, whole.Rows.Count);
        Assert.DoesNotContain(whole.Batches, b => read.Batches.Contains(b));
        // The copy read whole is kept, and reused.
        Assert.True((await ReadLineAsync(database, Intent, "user", spine)).Batches.SequenceEqual(whole.Batches, ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public async Task Each_large_write_patches_only_its_own_entities_into_the_copy_the_last_patch_kept()
    {
        await using var database = await DatabaseAsync("serial");
        database.Services.GetRequiredService<IOptions<TrainingSetReadOptions>>().Value.PatchEntitiesUpTo = 2_500;
        var store = database.Services.GetRequiredService<IOfflineStore>();
        var snapshots = database.Services.GetRequiredService<HistorySnapshots>();
        await store.WriteAsync([Write(Intent, "u1", "\"pricing\"", Day0)], CancellationToken.None);
        string[] spine = ["u0", "uz"];
        await ReadLineAsync(database, Intent, "user", spine);

        // Three large writes of new entities, 3,003 in all: more than are patched at once, though each patch takes 1,001.
        for (var write = 1; write <= 3; write++)
        {
            var many = Enumerable.Range(0, OfflineSql.LogChangesUpTo + 1).Select(i => Write(Intent, $"u{write}-{i:D4}", "\"booking\"", Day0.AddDays(write))).ToList();
            await store.WriteAsync(many, CancellationToken.None);
            var patched = await ReadLineAsync(database, Intent, "user", spine);

            Assert.Equal(write, snapshots.Patches);
            Assert.Equal(1 + write * many.Count, patched.Rows.Count);
        }

        // Each search read only the new write's entity range, not the line.
        Assert.Equal((0L, 3L), snapshots.Searches);
    }

    [Fact]
    public async Task A_small_and_a_large_write_since_the_copy_are_both_patched_in_from_the_log_and_the_large_ones_range()
    {
        await using var database = await DatabaseAsync("mixed");
        var store = database.Services.GetRequiredService<IOfflineStore>();
        var snapshots = database.Services.GetRequiredService<HistorySnapshots>();
        await store.WriteAsync([Write(Intent, "a1", "\"pricing\"", Day0), Write(Intent, "m1", "\"pricing\"", Day0), Write(Intent, "z1", "\"pricing\"", Day0)],
            CancellationToken.None);
        string[] spine = ["a0", "zz"];
        await ReadLineAsync(database, Intent, "user", spine);

        // A logged write outside the large one's range, then the large one (which also re-chains m1).
        await store.WriteAsync([Write(Intent, "z1", "\"support\"", Day0.AddDays(2))], CancellationToken.None);
        var many = Enumerable.Range(0, OfflineSql.LogChangesUpTo + 1).Select(i => Write(Intent, $"m{i:D4}", "\"booking\"", Day0.AddDays(1)))
            .Append(Write(Intent, "m1", "\"support\"", Day0.AddDays(3))).ToList();
        await store.WriteAsync(many, CancellationToken.None);
        var patched = await ReadLineAsync(database, Intent, "user", spine);

        Assert.Equal(1, snapshots.Patches);
        Assert.Equal((0L, 1L), snapshots.Searches);
        Assert.Equal(await ReadWholeAsync(database, Intent, "user", spine), patched.Rows);
        Assert.Contains("z1 2026-01-03 \"support\"", patched.Rows);
        Assert.Contains("m1 2026-01-04 \"support\"", patched.Rows);
    }

    [Fact]
    public async Task Two_large_writes_since_the_copy_widen_the_stripes_ranges_and_both_are_patched_in()
    {
        await using var database = await DatabaseAsync("widened");
        var store = database.Services.GetRequiredService<IOfflineStore>();
        var snapshots = database.Services.GetRequiredService<HistorySnapshots>();
        await store.WriteAsync([Write(Intent, "u1", "\"pricing\"", Day0)], CancellationToken.None);
        string[] spine = ["u0", "uz"];
        await ReadLineAsync(database, Intent, "user", spine);

        foreach (var prefix in new[] { "ua", "uy" })
        {
            await store.WriteAsync([.. Enumerable.Range(0, OfflineSql.LogChangesUpTo + 1).Select(i => Write(Intent, $"{prefix}{i:D4}", "\"booking\"", Day0.AddDays(1)))],
                CancellationToken.None);
        }

        var patched = await ReadLineAsync(database, Intent, "user", spine);

        Assert.Equal((0L, 1L), snapshots.Searches);
        Assert.Equal(1 + (2 * (OfflineSql.LogChangesUpTo + 1)), patched.Rows.Count);
        Assert.Equal(await ReadWholeAsync(database, Intent, "user", spine), patched.Rows);
    }

    [Fact]
    public async Task A_copy_older_than_its_stripes_ranges_is_searched_over_the_whole_line()
    {
        await using var database = await DatabaseAsync("behind");
        var store = database.Services.GetRequiredService<IOfflineStore>();
        var snapshots = database.Services.GetRequiredService<HistorySnapshots>();
        await store.WriteAsync([Write(Intent, "u1", "\"pricing\"", Day0)], CancellationToken.None);
        string[] spine = ["u0", "uz"];
        await ReadLineAsync(database, Intent, "user", spine);

        // More unlogged writes of the same entities than one range holds: the first ones' range is gone.
        var many = Enumerable.Range(0, OfflineSql.LogChangesUpTo + 1).Select(i => $"ux{i:D4}").ToList();
        for (var write = 0; write <= OfflineSql.RangeWrites; write++)
        {
            await store.WriteAsync([.. many.Select(e => Write(Intent, e, write % 2 == 0 ? "\"booking\"" : "\"support\"", Day0.AddDays(1 + write)))], CancellationToken.None);
        }

        var patched = await ReadLineAsync(database, Intent, "user", spine);

        Assert.Equal((1L, 0L), snapshots.Searches);
        Assert.Equal(1, snapshots.Patches);
        Assert.Equal(await ReadWholeAsync(database, Intent, "user", spine), patched.Rows);
        Assert.Equal(1 + many.Count * (OfflineSql.RangeWrites + 1), patched.Rows.Count);
    }

    // The same line read with nothing kept: what a patched copy must equal.
    private static async Task<List<string>> ReadWholeAsync(MigratedDatabase database, string feature, string entityType, string[] entities)
    {
        var options = database.Services.GetRequiredService<IOptions<TrainingSetReadOptions>>().Value;
        var budget = options.SnapshotMemoryMiB;
        options.SnapshotMemoryMiB = 0;
        try
        {
            return (await ReadLineAsync(database, feature, entityType, entities)).Rows;
        }
        finally
        {
            options.SnapshotMemoryMiB = budget;
        }
    }

    [Fact]
    public async Task Without_memory_for_them_lines_are_never_kept()
    {
        await using var database = await DatabaseAsync("unkept");
        database.Services.GetRequiredService<IOptions<TrainingSetReadOptions>>().Value.SnapshotMemoryMiB = 0;
        await database.Services.GetRequiredService<IOfflineStore>().WriteAsync([Write(Intent, "u1", "\"pricing\"", Day0)], CancellationToken.None);

        var read = await ReadLineAsync(database, Intent, "user", ["u1"]);
        var again = await ReadLineAsync(database, Intent, "user", ["u1"]);

        Assert.Equal(read.Rows, again.Rows);
        Assert.DoesNotContain(again.Batches, b => read.Batches.Contains(b));
        Assert.Equal(0, database.Services.GetRequiredService<HistorySnapshots>().Bytes);
    }

    // Reads one line's history for a spine of these entities (one row each, at the end of time), as the export does.
    private static async Task<(List<string> Rows, List<EntityRowBatch> Batches)> ReadLineAsync(MigratedDatabase database, string feature, string entityType, string[] entities)
    {
        var store = database.Services.GetRequiredService<ITrainingSetStore>();
        await using var spine = await store.StageAsync(entityType, Rows(entities), CancellationToken.None);
        var rows = new List<string>();
        var batches = new List<EntityRowBatch>();
        await foreach (var batch in spine.ReadHistoryAsync(feature, 1, CancellationToken.None))
        {
            batches.Add(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                var value = Encoding.UTF8.GetString(batch.Value(i).Span);
                rows.Add($"{Encoding.UTF8.GetString(batch.EntityId(i).Span)} {new DateTime(batch.UtcTicks(i), DateTimeKind.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {value}");
            }
        }

        return (rows, batches);
    }

    private static async IAsyncEnumerable<SpineRow> Rows(string[] entities)
    {
        foreach (var entity in entities)
        {
            yield return new SpineRow(entity, Day0.AddYears(1));
        }

        await Task.CompletedTask;
    }

    // The only row lock a test write can wait for here is the held vector row's (the query text is cut at 1 KB).
    private static async Task WaitForRowLockWaitAsync(MigratedDatabase database)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Sql.ScalarAsync<long>(database.ConnectionString,
                   "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'transactionid'") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the write never reached the held row");
            await Task.Delay(20);
        }
    }

    private async Task<MigratedDatabase> DatabaseAsync(string prefix)
    {
        var database = await MigratedDatabase.CreateAsync(infrastructure, prefix);
        await database.Services.GetRequiredService<IFeatureRegistry>().ApplyAsync([Definitions.Intent(), Definitions.Embedding()], "test", CancellationToken.None);
        // Every spine reads its line's range (the way of spines of many entities), which reads the line whole and keeps it.
        database.Services.GetRequiredService<IOptions<TrainingSetReadOptions>>().Value.ListEntitiesUpTo = 0;
        return database;
    }

    private static ValueWrite Write(string feature, string entityId, string json, DateTimeOffset validFrom)
    {
        using var document = JsonDocument.Parse(json);
        var (type, entityType) = feature == Embedding ? ("vector", "message") : ("categorical", "user");
        return new ValueWrite(new FeatureKey(feature, 1, entityType, entityId), "1.0.0", document.RootElement.Clone(), type, validFrom, TimeSpan.FromDays(2));
    }

    private static string Vector(double first) => "[" + string.Join(",", Enumerable.Range(0, 384).Select(i => i == 0 ? first : 1.0 / (i + 1)).Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
