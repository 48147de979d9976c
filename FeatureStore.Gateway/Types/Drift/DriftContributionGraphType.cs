using FeatureStore.Core.Drift;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Drift;

internal sealed class DriftContributionGraphType : ObjectGraphType<DriftContribution>
{
    public DriftContributionGraphType()
    {
        Name = "DriftContribution";
        Description = "How much one feature tells the classifier the current window from the baseline.";
        Field<NonNullGraphType<StringGraphType>>("feature").Resolve(ctx => ctx.Source.Feature);
        Field<NonNullGraphType<FloatGraphType>>("importance").Description("Drop of the held-out AUC when the feature is shuffled; about 0 for a feature that did not change.").Resolve(ctx => ctx.Source.Importance);
    }
}
