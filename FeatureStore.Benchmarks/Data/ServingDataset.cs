using System.Globalization;

namespace FeatureStore.Benchmarks.Data;

/// <summary>
/// The seeded dataset, computed rather than stored: every (entity, feature) key has
/// <see cref="Versions"/> values spread over a 30-day window ending an hour before the run, so
/// the loader and the checks of every answer agree on what the value at any instant must be.
/// Times are Unix microseconds (Postgres' precision).
/// </summary>
internal sealed class ServingDataset
{
    private static readonly long Window = (long)TimeSpan.FromDays(30).TotalMicroseconds;
    private readonly int _seed;
    private readonly long _perKey;
    private readonly long _remainder;

    public ServingDataset(BenchmarkOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        _seed = options.Seed;
        Entities = options.Entities;
        Features = BenchmarkFeature.Create(options.Features);
        var keys = (long)Entities * Features.Count;
        _perKey = options.History / keys;
        _remainder = options.History % keys;
        HistoryRows = options.History;
        End = Micros(now - TimeSpan.FromHours(1));
        Start = End - Window;
        // Entity ids sort by code point in Postgres ("C"); loading in that order appends to the indexes.
        EntitiesInIdOrder = [.. Enumerable.Range(0, Entities).OrderBy(EntityId, StringComparer.Ordinal)];
    }

    public int Entities { get; }

    public IReadOnlyList<BenchmarkFeature> Features { get; }

    public long HistoryRows { get; }

    public long Start { get; }

    public long End { get; }

    /// <summary>From here on every key has a value: the first value of a key is always in the first half of the window.</summary>
    public long FirstInstantWithAllValues => Start + (Window / 2);

    public IReadOnlyList<int> EntitiesInIdOrder { get; }

    public static string EntityId(int entity) => "u" + entity.ToString(CultureInfo.InvariantCulture);

    public static long Micros(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset Instant(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);

    public int Versions(int entity, int feature) =>
        (int)(_perKey + (((long)entity * Features.Count) + feature < _remainder ? 1 : 0));

    /// <summary>When value <paramref name="version"/> of the key became true: evenly spaced, jittered in the first half of each slot.</summary>
    public long ValidFrom(int entity, int feature, int version)
    {
        var step = Window / Versions(entity, feature);
        return Start + (version * step) + (long)(Hash(entity, feature, version, 1) % (ulong)(step / 2));
    }

    /// <summary>The version holding at <paramref name="micros"/>; -1 before the first.</summary>
    public int VersionAt(int entity, int feature, long micros)
    {
        var count = Versions(entity, feature);
        var step = Window / count;
        var version = micros < Start ? -1 : (int)Math.Min((micros - Start) / step, count - 1);
        return version >= 0 && micros < ValidFrom(entity, feature, version) ? version - 1 : version;
    }

    public int CurrentVersion(int entity, int feature) => Versions(entity, feature) - 1;

    /// <summary>The value: a number with two decimals, or one of the categories.</summary>
    public object Value(int entity, int feature, int version)
    {
        var hash = Hash(entity, feature, version, 2);
        return Features[feature].IsNumeric
            ? Math.Round((hash % 100_000) / 100.0, 2)
            : BenchmarkFeature.Categories[(int)(hash % (ulong)BenchmarkFeature.Categories.Count)];
    }

    public string ValueJson(int entity, int feature, int version) => Value(entity, feature, version) switch
    {
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        var text => "\"" + text + "\"",
    };

    // SplitMix64 over the coordinates: the same value for the same key in every process and run.
    private ulong Hash(int entity, int feature, int version, int salt)
    {
        var x = ((ulong)(uint)_seed << 32) ^ ((ulong)(uint)entity * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)feature << 40) ^ ((ulong)(uint)version << 20) ^ (ulong)salt;
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
