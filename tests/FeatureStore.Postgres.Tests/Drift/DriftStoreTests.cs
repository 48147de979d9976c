using System.Text.Json;
using FeatureStore.Core.Drift;
using FeatureStore.Core.Values;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Postgres.Tests.Drift;

/// <summary>The drift tables' stores on a real Postgres: the queue's claims, the alert state's turns, reports by window, samples per feature.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DriftStoreTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private MigratedDatabase _database = null!;

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync(infrastructure, "driftstore");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private T Get<T>() where T : notnull => _database.Services.GetRequiredService<T>();

    [Fact]
    public async Task Replicas_claiming_at_once_never_get_the_same_check_and_a_tick_is_queued_once()
    {
        var queue = Get<IDriftCheckQueue>();
        Assert.True(await queue.ScheduleAsync(Day, CancellationToken.None));
        Assert.False(await queue.ScheduleAsync(Day, CancellationToken.None));
        await queue.RequestAsync(["user:a"], "test", CancellationToken.None);
        await queue.RequestAsync([], "test", CancellationToken.None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => queue.ClaimAsync($"w{i}", TimeSpan.FromMinutes(5), CancellationToken.None)));

        var claimed = claims.OfType<DriftCheckRequest>().ToList();
        Assert.Equal(3, claimed.Count);
        Assert.Equal(3, claimed.Select(c => c.Id).Distinct().Count());
        Assert.Contains(claimed, c => c.Kind == DriftCheckRequest.Scheduled && c.WindowEnd == Day);
    }

    [Fact]
    public async Task A_check_whose_worker_died_is_taken_over_after_its_lease_and_only_its_holder_completes_it()
    {
        var queue = Get<IDriftCheckQueue>();
        var request = await queue.RequestAsync([], "test", CancellationToken.None);
        Assert.Equal(request.Id, (await queue.ClaimAsync("dead", TimeSpan.FromMilliseconds(1), CancellationToken.None))!.Id);
        await Task.Delay(50);

        var takenOver = await queue.ClaimAsync("alive", TimeSpan.FromMinutes(5), CancellationToken.None);
        await queue.CompleteAsync(request.Id, "dead", "late", CancellationToken.None);
        await queue.CompleteAsync(request.Id, "alive", null, CancellationToken.None);

        Assert.Equal(request.Id, takenOver!.Id);
        Assert.Equal("done", (await Sql.StringsAsync(_database.ConnectionString, "SELECT status FROM ai_drift_requests"))[0]);
        Assert.Null(await queue.ClaimAsync("alive", TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_exchanges_of_one_subject_take_turns_so_only_one_sees_the_episode_open()
    {
        var states = Get<IDriftAlertStates>();
        var befores = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            states.ExchangeAsync("user:a", DriftChecks.Univariate, _ => DriftStatuses.Drift, CancellationToken.None)));

        // Exactly one exchange found nothing remembered; every later one found the episode open.
        Assert.Single(befores, b => b is null);
        Assert.Equal(7, befores.Count(b => b == DriftStatuses.Drift));
        Assert.Null(await states.ExchangeAsync("user:a", DriftChecks.Skew, _ => DriftStatuses.Ok, CancellationToken.None));
    }

    [Fact]
    public async Task Reports_are_listed_by_overlapping_window_newest_first_and_the_latest_per_check_make_the_status()
    {
        var store = Get<IDriftStore>();
        foreach (var (day, check, status) in new[] { (0, DriftChecks.Univariate, DriftStatuses.Ok), (1, DriftChecks.Univariate, DriftStatuses.Drift),
            (2, DriftChecks.Univariate, DriftStatuses.Warn), (1, DriftChecks.Skew, DriftStatuses.Ok) })
        {
            await store.SaveReportAsync(Report("user:a", check, Day.AddDays(day), status, day), day == 1 ? "<svg/>" : null, CancellationToken.None);
        }

        var listed = await store.ListReportsAsync("user:a", Day.AddDays(1).AddHours(1), Day.AddDays(2).AddHours(1), 10, CancellationToken.None);
        var latest = await store.LatestReportsAsync("user:a", CancellationToken.None);

        Assert.Equal([(2, DriftChecks.Univariate), (1, DriftChecks.Univariate), (1, DriftChecks.Skew)],
            listed.Select(r => ((r.WindowStart - Day).Days, r.Check)).ToList());
        Assert.Equal([(DriftChecks.Skew, DriftStatuses.Ok), (DriftChecks.Univariate, DriftStatuses.Warn)], latest.Select(r => (r.Check, r.Status)).Order().ToList());
        var withPlot = listed.Single(r => r.HasPlot && r.Check == DriftChecks.Univariate);
        Assert.Equal("<svg/>", await store.PlotAsync(withPlot.Id, CancellationToken.None));
        Assert.Equal(0.25, withPlot.Tests[0].Score);
        Assert.Equal(1, withPlot.Details!.Value.GetProperty("day").GetInt32());
        Assert.Null(await store.PlotAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task A_window_baseline_is_recorded_once_and_the_newest_snapshot_comes_back_with_its_values()
    {
        var store = Get<IDriftStore>();
        var window = new DriftBaseline(Guid.NewGuid(), "user:a", 1, "1.0.0", DriftBaselineKinds.Window, Day, Day.AddDays(7), null, Day);
        var first = await store.SaveBaselineAsync(window, CancellationToken.None);
        var again = await store.SaveBaselineAsync(window with { Id = Guid.NewGuid() }, CancellationToken.None);
        await store.SaveBaselineAsync(Snapshot(Day, "1"), CancellationToken.None);
        await store.SaveBaselineAsync(Snapshot(Day.AddHours(1), "2"), CancellationToken.None);

        var newest = await store.LatestBaselineAsync("user:a", 1, DriftBaselineKinds.TrainingSet, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(["u1"], newest!.Values!.Select(v => v.EntityId));
        Assert.Equal("2", newest.Values![0].Value.GetRawText());
        Assert.Null(await store.LatestBaselineAsync("user:a", 2, DriftBaselineKinds.TrainingSet, CancellationToken.None));
    }

    [Fact]
    public async Task A_sample_comes_back_value_for_value_and_one_stored_in_the_older_shape_still_reads()
    {
        var store = Get<IDriftStore>();
        string[] raw = ["0.25", "\"support\"", "null", "[0.5,-1]", "{\"a\":1}", "true"];
        var sample = raw.Select((json, i) => new SampledValue($"u{i}", JsonSerializer.Deserialize<JsonElement>(json))).ToList();
        await store.SaveBaselineAsync(new DriftBaseline(Guid.NewGuid(), "user:s", 1, "1.0.0", DriftBaselineKinds.TrainingSet, Day, Day.AddDays(1), sample, Day),
            CancellationToken.None);

        var read = await store.LatestBaselineAsync("user:s", 1, DriftBaselineKinds.TrainingSet, CancellationToken.None);

        Assert.Equal(sample.Select(v => v.EntityId), read!.Values!.Select(v => v.EntityId));
        // jsonb keeps values, not their spacing.
        Assert.All(sample.Zip(read.Values!), pair => Assert.True(JsonElement.DeepEquals(pair.First.Value, pair.Second.Value), pair.Second.Value.GetRawText()));
        Assert.Equal("object", await Sql.ScalarAsync<string>(_database.ConnectionString, "SELECT jsonb_typeof(values) FROM ai_drift_baselines WHERE feature = 'user:s'"));

        await Sql.ExecuteAsync(_database.ConnectionString, """
            INSERT INTO ai_drift_baselines (id, feature, value_line, version, kind, window_start, window_end, values, sample_size, created_at)
            VALUES (gen_random_uuid(), 'user:s', 1, '1.0.0', 'training_set', now() - interval '1 day', now(), '[{"entityId": "old1", "value": 7}]', 1, now())
            """);
        var older = await store.LatestBaselineAsync("user:s", 1, DriftBaselineKinds.TrainingSet, CancellationToken.None);

        Assert.Equal([("old1", "7")], older!.Values!.Select(v => (v.EntityId, v.Value.GetRawText())));
    }

    [Fact]
    public async Task Serving_samples_come_back_per_feature_newest_first_up_to_the_limit_and_age_out()
    {
        var samples = Get<IServingSampleStore>();
        await samples.AppendAsync([.. Enumerable.Range(0, 5).SelectMany(i => new[]
        {
            Sample("user:a", $"u{i}", Day.AddMinutes(i)),
            Sample("user:b", $"u{i}", Day.AddMinutes(i)),
        })], CancellationToken.None);

        var read = await samples.ReadAsync(["user:a"], Day, Day.AddHours(1), 3, CancellationToken.None);
        var deleted = await samples.DeleteBeforeAsync(Day.AddMinutes(2), CancellationToken.None);

        Assert.Equal(["u2", "u3", "u4"], read.Select(s => s.Key.EntityId));
        Assert.All(read, s => Assert.Equal(("user:a", "1.5"), (s.Key.Feature, s.Value.GetRawText())));
        Assert.Equal(4, deleted);
        Assert.Equal(6, (await samples.ReadAsync([], Day, Day.AddHours(1), 100, CancellationToken.None)).Count);
    }

    private static DriftReport Report(string feature, string check, DateTimeOffset start, string status, int day) => new(
        Guid.NewGuid(), feature, check, "user", 1, "1.0.0", start, start.AddDays(1), status, null,
        [new DriftScore("Psi", 0.25, 0.001, null, 0.1, 0.25, status)], [], null, JsonSerializer.SerializeToElement(new { day }), false,
        start.AddDays(1).AddMinutes(day).AddSeconds(check == DriftChecks.Skew ? 0 : 1));

    private static DriftBaseline Snapshot(DateTimeOffset createdAt, string value) => new(Guid.NewGuid(), "user:a", 1, "1.0.0", DriftBaselineKinds.TrainingSet,
        Day, Day.AddDays(1), [new SampledValue("u1", JsonSerializer.SerializeToElement(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)))], createdAt);

    private static ServingSample Sample(string feature, string entity, DateTimeOffset servedAt) =>
        new(new FeatureKey(feature, 1, "user", entity), JsonSerializer.SerializeToElement(1.5), servedAt.AddHours(-1), servedAt);
}
