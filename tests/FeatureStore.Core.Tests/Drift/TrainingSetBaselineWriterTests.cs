using System.Text;
using FeatureStore.Core.Drift;
using FeatureStore.Core.Registry.State;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Core.Tests.Registry;
using FeatureStore.Core.TrainingSets;

namespace FeatureStore.Core.Tests.Drift;

/// <summary>An export's rows pass through untouched while a bounded, uniform sample per column becomes each feature's baseline.</summary>
public sealed class TrainingSetBaselineWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_row_reaches_the_inner_writer_and_small_exports_are_kept_whole()
    {
        var inner = new CountingWriter();
        var writer = new TrainingSetBaselineWriter(inner, [Column()], capacity: 10);
        for (var i = 0; i < 4; i++)
        {
            Write(writer, $"u{i}", Start.AddHours(i), i == 2 ? null : $"{i}");
        }

        var baseline = Assert.Single(writer.Baselines(Start));
        Assert.Equal(4, inner.Rows);
        Assert.Equal(("user:booking_rate", 1, "1.0.0", DriftBaselineKinds.TrainingSet), (baseline.Feature, baseline.ValueLine, baseline.Version, baseline.Kind));
        Assert.Equal(["0", "1", "null", "3"], baseline.Values!.Select(v => v.Value.GetRawText()));
        Assert.Equal(["u0", "u1", "u2", "u3"], baseline.Values!.Select(v => v.EntityId));
        Assert.Equal((Start, Start.AddHours(3).AddTicks(TimeSpan.TicksPerMicrosecond)), (baseline.WindowStart, baseline.WindowEnd));
    }

    [Fact]
    public void Large_exports_keep_a_uniform_sample_of_the_capacity()
    {
        var writer = new TrainingSetBaselineWriter(new CountingWriter(), [Column()], capacity: 1_000);
        for (var i = 0; i < 20_000; i++)
        {
            Write(writer, $"u{i}", Start, $"{i}");
        }

        var values = writer.Baselines(Start)[0].Values!.Select(v => v.Value.GetDouble()).ToList();
        Assert.Equal(1_000, values.Count);
        // Uniform over 0..19999: mean 9999.5, standard error of a 1000-value mean about 183.
        Assert.InRange(values.Average(), 9_999.5 - 800, 9_999.5 + 800);
        Assert.InRange(values.Count(v => v >= 10_000), 420, 580);
    }

    [Fact]
    public void An_announced_row_count_keeps_exactly_the_capacity_uniformly_and_in_row_order()
    {
        var writer = new TrainingSetBaselineWriter(new CountingWriter(), [Column()], capacity: 1_000, expectedRows: 20_000);
        for (var i = 0; i < 20_000; i++)
        {
            Write(writer, $"u{i}", Start, $"{i}");
        }

        var values = writer.Baselines(Start)[0].Values!;
        Assert.Equal(1_000, values.Count);
        // Drawn as the rows pass, so kept in their order: each row was copied once, none replaced later.
        Assert.Equal(values.Select(v => v.Value.GetDouble()).Order(), values.Select(v => v.Value.GetDouble()));
        Assert.Equal(1_000, values.Select(v => v.Value.GetDouble()).Distinct().Count());
        Assert.All(values, v => Assert.Equal($"u{v.Value.GetDouble()}", v.EntityId));
        Assert.InRange(values.Average(v => v.Value.GetDouble()), 9_999.5 - 800, 9_999.5 + 800);
        Assert.InRange(values.Count(v => v.Value.GetDouble() >= 10_000), 420, 580);
    }

    [Fact]
    public void Rows_past_the_announced_count_still_get_their_chance()
    {
        // Announced 5,000, written 20,000: the last three quarters are sampled by reservoir, as without an announcement.
        var writer = new TrainingSetBaselineWriter(new CountingWriter(), [Column()], capacity: 1_000, expectedRows: 5_000);
        for (var i = 0; i < 20_000; i++)
        {
            Write(writer, $"u{i}", Start, $"{i}");
        }

        var values = writer.Baselines(Start)[0].Values!.Select(v => v.Value.GetDouble()).ToList();
        Assert.Equal(1_000, values.Count);
        Assert.InRange(values.Count(v => v >= 5_000), 650, 850); // three quarters expected
    }

    [Fact]
    public void An_announced_count_below_the_capacity_keeps_every_row()
    {
        var writer = new TrainingSetBaselineWriter(new CountingWriter(), [Column()], capacity: 10, expectedRows: 4);
        for (var i = 0; i < 6; i++)
        {
            Write(writer, $"u{i}", Start, $"{i}");
        }

        Assert.Equal(["u0", "u1", "u2", "u3", "u4", "u5"], writer.Baselines(Start)[0].Values!.Select(v => v.EntityId));
    }

    [Fact]
    public void A_row_at_the_last_representable_instant_ends_the_window_there()
    {
        var writer = new TrainingSetBaselineWriter(new CountingWriter(), [Column()]);
        Write(writer, "u1", DateTimeOffset.MaxValue.AddTicks(-9), "1");

        Assert.Equal(DateTimeOffset.MaxValue, writer.Baselines(Start)[0].WindowEnd);
    }

    [Fact]
    public void Strings_objects_and_arrays_keep_their_own_entity()
    {
        var writer = new TrainingSetBaselineWriter(new CountingWriter(), [Column()]);
        Write(writer, "u1", Start, "\"a,b\"");
        Write(writer, "u2", Start, "{\"x\":[1,2]}");
        Write(writer, "u3", Start, "[3,4]");

        var values = writer.Baselines(Start)[0].Values!;
        Assert.Equal(["\"a,b\"", "{\"x\":[1,2]}", "[3,4]"], values.Select(v => v.Value.GetRawText()));
        Assert.Equal(["u1", "u2", "u3"], values.Select(v => v.EntityId));
    }

    [Fact]
    public void A_value_that_is_not_one_json_value_is_refused_not_shifted_onto_another_entity()
    {
        var writer = new TrainingSetBaselineWriter(new CountingWriter(), [Column()]);
        Write(writer, "u1", Start, "1,2");
        Write(writer, "u2", Start, "3");

        var error = Assert.Throws<InvalidOperationException>(() => writer.Baselines(Start));
        Assert.Contains("not a single JSON value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_export_records_no_baseline() =>
        Assert.Empty(new TrainingSetBaselineWriter(new CountingWriter(), [Column()]).Baselines(Start));

    private static void Write(TrainingSetBaselineWriter writer, string id, DateTimeOffset timestamp, string? json) =>
        _ = writer.WriteRow(Encoding.UTF8.GetBytes(id), timestamp, new[] { json is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(json) });

    private static TrainingSetColumn Column()
    {
        var spec = TestSpecs.BookingRate();
        var version = new FeatureVersion(spec, ChangeKind.New, [], Start, "test", null);
        var feature = new RegisteredFeature(spec.Name, spec.Version, true, null, [version]);
        return new TrainingSetColumn(spec.Name, feature, VersionPin.TryParse(spec.Name)!, new ResolvedVersion(spec.Name, version, null));
    }

    private sealed class CountingWriter : ITrainingSetWriter
    {
        public int Rows { get; private set; }

        public bool WriteRow(ReadOnlySpan<byte> entityId, DateTimeOffset timestamp, ReadOnlySpan<ReadOnlyMemory<byte>> values)
        {
            Rows++;
            return false;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
