using System.IO.Hashing;
using System.Text;
using FeatureStore.Core.Registry.Versioning;

namespace FeatureStore.Core.Registry.State;

/// <summary>
/// An A/B test: <see cref="CandidatePercent"/> of entities get <see cref="Candidate"/>, the rest the
/// active version. The choice is a stable hash of (feature, entity id), so an entity always gets the
/// same version, in every process, on every path.
/// </summary>
/// <param name="Candidate">The version under test.</param>
/// <param name="CandidatePercent">Its share of entities, strictly between 0 and 100.</param>
public sealed record TrafficSplit(SemanticVersion Candidate, decimal CandidatePercent)
{
    private const int Buckets = 10_000;

    /// <summary>True when <paramref name="entityId"/> falls in the candidate's share.</summary>
    public bool ServesCandidate(string featureName, string entityId) =>
        Bucket(featureName, entityId) < CandidatePercent * (Buckets / 100);

    /// <summary>The entity's bucket, 0..9999: XxHash64 of "feature\0entity", stable across processes and runs.</summary>
    public static int Bucket(string featureName, string entityId)
    {
        ArgumentNullException.ThrowIfNull(featureName);
        ArgumentNullException.ThrowIfNull(entityId);
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(featureName + "\0" + entityId));
        return (int)(hash % Buckets);
    }
}
