using System.Runtime.CompilerServices;
using System.Text;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Tests.Registry;
using FeatureStore.Core.TrainingSets;
using FeatureStore.Core.Values;

namespace FeatureStore.Core.Tests.TrainingSets;

/// <summary>
/// The sort-merge as-of join over batches: every spine row gets the value with the greatest validFrom at or before
/// its timestamp, wherever the batches of either side happen to end, with ids ordered by code point.
/// </summary>
public sealed class TrainingSetExporterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_row_gets_the_latest_value_at_or_before_it_whatever_the_batch_boundaries()
    {
        var random = new Random(3);
        string[] names = ["a", "ab", "b", "é", "ｚ", "😀", "😀x", "z"];
        var entities = names.Concat(Enumerable.Range(0, 40).Select(i => $"u{i}")).Order(CodePointOrder.Instance).ToList();
        var history = entities.SelectMany(e => Enumerable.Range(0, random.Next(0, 5)).Select(_ => Start.AddHours(random.Next(0, 500))).Distinct()
            .Order().Select(at => (Entity: e, At: at, Json: $"{random.Next(1000)}"))).ToList();
        var spine = Enumerable.Range(0, 400).Select(_ => (Entity: entities[random.Next(entities.Count)], At: Start.AddHours(random.Next(-10, 520))))
            .OrderBy(r => r.Entity, CodePointOrder.Instance).ThenBy(r => r.At).ToList();

        for (var batch = 1; batch <= 4; batch++)
        {
            var writer = new RecordingWriter();
            var written = await Exporter().ExportAsync([Column(TestSpecs.BookingRate())], new FakeSpine(spine, history, batch), writer, null, CancellationToken.None);

            Assert.Equal(spine.Count, written);
            Assert.Equal(
                spine.Select(r => $"{r.Entity} {r.At:O} {history.Where(h => h.Entity == r.Entity && h.At <= r.At).Select(h => h.Json).LastOrDefault()}"),
                writer.Rows);
        }
    }

    [Fact]
    public async Task Stale_values_of_omit_features_are_withheld_and_flagged_ones_kept()
    {
        var spec = TestSpecs.BookingRate() with { TimeToLive = TimeSpan.FromHours(1), StalePolicy = StalePolicy.Omit };
        (string, DateTimeOffset, string)[] history = [("u1", Start, "1")];
        (string, DateTimeOffset)[] spine = [("u1", Start.AddMinutes(30)), ("u1", Start.AddHours(2))];

        var omit = new RecordingWriter();
        await Exporter().ExportAsync([Column(spec)], new FakeSpine(spine, history, 1), omit, null, CancellationToken.None);
        var flag = new RecordingWriter();
        await Exporter().ExportAsync([Column(spec with { StalePolicy = StalePolicy.Flag })], new FakeSpine(spine, history, 1), flag, null, CancellationToken.None);

        Assert.Equal([$"u1 {Start.AddMinutes(30):O} 1", $"u1 {Start.AddHours(2):O} "], omit.Rows);
        Assert.Equal([$"u1 {Start.AddMinutes(30):O} 1", $"u1 {Start.AddHours(2):O} 1"], flag.Rows);
    }

    [Fact]
    public async Task Progress_is_reported_every_hundred_thousand_rows_and_at_the_end()
    {
        var spine = Enumerable.Range(0, 250_000).Select(i => ($"u{i:D6}", Start)).ToList();
        var progress = new RecordingProgress();

        await Exporter().ExportAsync([Column(TestSpecs.BookingRate())], new FakeSpine(spine, [], 2_048), new RecordingWriter(), progress, CancellationToken.None);

        Assert.Equal([100_000, 200_000, 250_000], progress.Reports);
    }

    [Fact]
    public async Task Every_lines_read_starts_before_the_merge_waits_on_any_of_them()
    {
        FeatureSpec[] specs = [TestSpecs.BookingRate(), TestSpecs.BookingRate() with { Name = "user:other_rate" }, TestSpecs.BookingRate() with { Name = "user:third_rate" }];
        (string, DateTimeOffset)[] spine = [("u1", Start.AddHours(1))];
        var lines = new LinesStartingTogether(specs.Length, new FakeSpine(spine, [("u1", Start, "1")], 1));

        // Were the reads started one by one, as the merge first needed each, the first would wait for the others for ever.
        var writer = new RecordingWriter();
        var written = await Exporter().ExportAsync([.. specs.Select(Column)], lines, writer, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, written);
        Assert.Equal(specs.Length, lines.Started);
        Assert.Equal([$"u1 {Start.AddHours(1):O} 1"], writer.Rows);
    }

    [Fact]
    public void A_batch_ends_at_its_row_capacity_or_when_the_next_row_does_not_fit_but_takes_any_row_when_empty()
    {
        var rows = new EntityRowBatch(capacity: 2);
        Assert.True(rows.TryAdd("a"u8, 1, "1"u8));
        Assert.True(rows.TryAdd("b"u8, 2, "22"u8));
        Assert.False(rows.TryAdd("c"u8, 3, "3"u8));
        Assert.Equal(("b", 2L, "22"), (Encoding.UTF8.GetString(rows.EntityId(1).Span), rows.UtcTicks(1), Encoding.UTF8.GetString(rows.Value(1).Span)));

        var big = new byte[100_000];
        var bytes = new EntityRowBatch();
        Assert.True(bytes.TryAdd("a"u8, 1, "1"u8));
        Assert.False(bytes.TryAdd("b"u8, 2, big));
        var alone = new EntityRowBatch();
        Assert.True(alone.TryAdd("b"u8, 2, big));
        Assert.Equal(big.Length, alone.Value(0).Length);
    }

    private static TrainingSetExporter Exporter() => new(new RegistryCache(new NoRegistry(), TimeProvider.System), TimeProvider.System);

    private static TrainingSetColumn Column(FeatureSpec spec)
    {
        var version = new FeatureVersion(spec, ChangeKind.New, [], Start, "test", null);
        var feature = new RegisteredFeature(spec.Name, spec.Version, true, null, [version]);
        return new TrainingSetColumn(spec.Name, feature, VersionPin.TryParse(spec.Name)!, new ResolvedVersion(spec.Name, version, null));
    }

    private sealed class FakeSpine(IReadOnlyList<(string Entity, DateTimeOffset At)> spine, IReadOnlyList<(string Entity, DateTimeOffset At, string Json)> history, int batchSize)
        : IStagedSpine
    {
        public long Count => spine.Count;

        public IAsyncEnumerable<EntityRowBatch> ReadOrderedAsync(CancellationToken cancellationToken) =>
            BatchesAsync(spine.Select(r => (r.Entity, r.At, "")), cancellationToken);

        public IAsyncEnumerable<EntityRowBatch> ReadHistoryAsync(string feature, int valueLine, CancellationToken cancellationToken) =>
            BatchesAsync(history.Select(r => (r.Entity, r.At, r.Json)), cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private async IAsyncEnumerable<EntityRowBatch> BatchesAsync(IEnumerable<(string Entity, DateTimeOffset At, string Json)> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var chunk in rows.Chunk(batchSize))
            {
                await Task.Yield();
                var batch = new EntityRowBatch(batchSize);
                foreach (var (entity, at, json) in chunk)
                {
                    Assert.True(batch.TryAdd(Encoding.UTF8.GetBytes(entity), at.UtcTicks, Encoding.UTF8.GetBytes(json)));
                }

                cancellationToken.ThrowIfCancellationRequested();
                yield return batch;
            }
        }
    }

    // A store whose value lines each hold back their first batch until every line's read has begun.
    private sealed class LinesStartingTogether(int lines, FakeSpine inner) : IStagedSpine
    {
        private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public int Started => _started;

        public long Count => inner.Count;

        public IAsyncEnumerable<EntityRowBatch> ReadOrderedAsync(CancellationToken cancellationToken) => inner.ReadOrderedAsync(cancellationToken);

        public async IAsyncEnumerable<EntityRowBatch> ReadHistoryAsync(string feature, int valueLine, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _started) == lines)
            {
                _allStarted.SetResult();
            }

            await _allStarted.Task.WaitAsync(cancellationToken);
            await foreach (var batch in inner.ReadHistoryAsync(feature, valueLine, cancellationToken))
            {
                yield return batch;
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class RecordingWriter : ITrainingSetWriter
    {
        public List<string> Rows { get; } = [];

        public bool WriteRow(ReadOnlySpan<byte> entityId, DateTimeOffset timestamp, ReadOnlySpan<ReadOnlyMemory<byte>> values)
        {
            Rows.Add($"{Encoding.UTF8.GetString(entityId)} {timestamp:O} {Encoding.UTF8.GetString(values[0].Span)}");
            return Rows.Count % 7 == 0;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class RecordingProgress : IProgress<long>
    {
        public List<long> Reports { get; } = [];

        public void Report(long value) => Reports.Add(value);
    }

    // The export reads no registry: columns come planned.
    private sealed class NoRegistry : IFeatureRegistry
    {
        public Task<RegistryPlan> PlanAsync(IReadOnlyList<FeatureSpec> definitions, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<RegistryPlan> ApplyAsync(IReadOnlyList<FeatureSpec> definitions, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<RegisteredFeature?> FindAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<RegisteredFeature>> ListAsync(FeatureQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<RegisteredFeature> DeprecateAsync(string name, SemanticVersion version, string reason, DateTimeOffset sunsetAt, string actor, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<RegisteredFeature> RollbackAsync(string name, SemanticVersion version, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<RegisteredFeature> SetTrafficSplitAsync(string name, SemanticVersion candidate, decimal candidatePercent, string actor, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<RegisteredFeature> ClearTrafficSplitAsync(string name, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<AuditEntry>> AuditAsync(string? feature, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
