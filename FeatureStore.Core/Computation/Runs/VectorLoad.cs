namespace FeatureStore.Core.Computation.Runs;

/// <summary>
/// A vector value line a planned job writes, and for how many entities: a store may take a large load as the cue
/// to build the line's similarity index once, after the job, rather than insert every vector into it (an HNSW insert
/// costs several times its share of a build).
/// </summary>
/// <param name="Feature">The feature name.</param>
/// <param name="ValueLine">The value line (major version).</param>
/// <param name="Entities">The entities of the job's items of the feature's entity type.</param>
public sealed record VectorLoad(string Feature, int ValueLine, int Entities);
