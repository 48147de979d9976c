using System.Globalization;

namespace FeatureStore.Postgres.Values;

/// <summary>
/// What the history reads need to know of a staged spine: its size, its entity range, its last instant, and its
/// entities themselves while there are at most <paramref name="listUpTo"/> of them.
/// </summary>
internal sealed class SpineSummary(int listUpTo)
{
    private byte[] _min = [];
    private byte[] _max = [];
    private long _maxTicks = long.MinValue;
    private HashSet<string>? _entities = listUpTo > 0 ? new(StringComparer.Ordinal) : null;
    private byte[] _previous = [];

    /// <summary>The spine's distinct entities; null when there are more than the limit (read the range instead).</summary>
    public IReadOnlyCollection<string>? Entities => _entities;

    public long Count { get; private set; }

    /// <summary>The least entity id in code-point order (the byte order of UTF-8).</summary>
    public string MinEntity => BinaryCopy.Utf8.GetString(_min);

    public string MaxEntity => BinaryCopy.Utf8.GetString(_max);

    /// <summary>The least entity id, UTF-8 (its bytes sort in code-point order).</summary>
    public byte[] MinEntityBytes => _min;

    public byte[] MaxEntityBytes => _max;

    /// <summary>The last timestamp as Postgres reads it: no stored value after it can be given to any row.</summary>
    public string Until => new DateTime(_maxTicks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture);

    public void Add(ReadOnlySpan<byte> entityId, long utcTicks)
    {
        if (Count++ == 0 || entityId.SequenceCompareTo(_min) < 0)
        {
            _min = entityId.ToArray();
        }

        if (Count == 1 || entityId.SequenceCompareTo(_max) > 0)
        {
            _max = entityId.ToArray();
        }

        _maxTicks = Math.Max(_maxTicks, utcTicks);
        // Spines usually come grouped by entity: an id equal to the previous row's is not decoded again.
        if (_entities is not null && !entityId.SequenceEqual(_previous))
        {
            _previous = entityId.ToArray();
            _entities.Add(BinaryCopy.Utf8.GetString(entityId));
            if (_entities.Count > listUpTo)
            {
                _entities = null;
            }
        }
    }
}
