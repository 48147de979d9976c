using FeatureStore.Core.Registry.State;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Registry;

internal sealed class TrafficSplitType : ObjectGraphType<(RegisteredFeature Feature, TrafficSplit Split)>
{
    public TrafficSplitType()
    {
        Name = "TrafficSplit";
        Description = "An A/B test: candidatePercent % of entities (by a stable hash of their id) get the candidate version.";
        Field<NonNullGraphType<StringGraphType>>("activeVersion").Resolve(ctx => ctx.Source.Feature.ActiveVersion.ToString());
        Field<NonNullGraphType<StringGraphType>>("candidateVersion").Resolve(ctx => ctx.Source.Split.Candidate.ToString());
        Field<NonNullGraphType<FloatGraphType>>("candidatePercent").Resolve(ctx => (double)ctx.Source.Split.CandidatePercent);
    }
}
