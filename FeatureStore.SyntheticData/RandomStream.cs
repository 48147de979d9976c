namespace FeatureStore.SyntheticData;

/// <summary>The independent random streams of a generator (see <see cref="SeededRandom.For"/>).</summary>
internal enum RandomStream
{
    Tenant = 1,
    User = 2,
    Conversation = 3,
    Defect = 4,
}
