using FeatureStore.Core.Drift;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Drift;

internal sealed class DriftScoreGraphType : ObjectGraphType<DriftScore>
{
    public DriftScoreGraphType()
    {
        Name = "DriftScore";
        Description = "One test of a report: its score (an effect size), the significance gate and the thresholds it was judged by.";
        Field<NonNullGraphType<StringGraphType>>("test")
            .Description("Psi, KolmogorovSmirnov, ChiSquareJensenShannon, ArrayLengthShift, CentroidShift, MissingRate, InvalidRate, ClassifierAuc or MismatchRate.")
            .Resolve(ctx => ctx.Source.Test);
        Field<NonNullGraphType<FloatGraphType>>("score").Resolve(ctx => ctx.Source.Score);
        Field<FloatGraphType>("pValue").Description("The score counts only when this is below the significance level (alpha); null for tests without a gate.").Resolve(ctx => ctx.Source.PValue);
        Field<FloatGraphType>("statistic").Description("The statistic behind the p-value when it is not the score (chi-square, T).").Resolve(ctx => ctx.Source.Statistic);
        Field<NonNullGraphType<FloatGraphType>>("warnAt").Resolve(ctx => ctx.Source.WarnAt);
        Field<NonNullGraphType<FloatGraphType>>("driftAt").Resolve(ctx => ctx.Source.DriftAt);
        Field<NonNullGraphType<DriftStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
    }
}
