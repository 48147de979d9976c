namespace FeatureStore.Benchmarks.Gateway;

/// <summary>Sources of served values summed over many answers, from any number of concurrent callers.</summary>
internal sealed class SourceTally
{
    private readonly Lock _gate = new();
    private SourceCounts _counts;

    public SourceCounts Counts
    {
        get
        {
            lock (_gate)
            {
                return _counts;
            }
        }
    }

    public void Add(SourceCounts counts)
    {
        lock (_gate)
        {
            _counts = _counts.Add(counts);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _counts = default;
        }
    }
}
