namespace FeatureStore.Gateway.Types.Computation;

/// <summary>What ingestEvents accepted.</summary>
internal sealed record IngestResult(int Accepted, string StreamId);
