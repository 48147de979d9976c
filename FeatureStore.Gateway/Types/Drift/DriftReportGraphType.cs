using FeatureStore.Core.Drift;
using FeatureStore.Gateway.Drift;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Drift;

internal sealed class DriftReportGraphType : ObjectGraphType<DriftReport>
{
    public DriftReportGraphType()
    {
        Name = "DriftReport";
        Description = "One drift check of one feature (or, for the classifier, of all features of an entity type: 'entity:*') in one window, with every score and threshold.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("feature").Description("The feature; 'entity:*' for the classifier over an entity type's features.").Resolve(ctx => ctx.Source.Feature);
        Field<NonNullGraphType<DriftCheckGraphType>>("check").Resolve(ctx => ctx.Source.Check);
        Field<NonNullGraphType<StringGraphType>>("entityType").Resolve(ctx => ctx.Source.EntityType);
        Field<IntGraphType>("valueLine").Description("The value line (major version) read; null for the classifier.").Resolve(ctx => ctx.Source.ValueLine);
        Field<StringGraphType>("version").Description("The feature version active when the check ran.").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<InstantGraphType>>("from").Description("The window's first instant.").Resolve(ctx => ctx.Source.WindowStart);
        Field<NonNullGraphType<InstantGraphType>>("to").Description("The first instant after the window.").Resolve(ctx => ctx.Source.WindowEnd);
        Field<NonNullGraphType<DriftStatusGraphType>>("status").Description("The worst status of the tests.").Resolve(ctx => ctx.Source.Status);
        Field<IdGraphType>("baselineId").Description("The baseline compared with (univariate checks).").Resolve(ctx => ctx.Source.BaselineId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DriftScoreGraphType>>>>("tests").Resolve(ctx => ctx.Source.Tests);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DriftContributionGraphType>>>>("contributions")
            .Description("Classifier only: the features that give the current window away, most telling first.").Resolve(ctx => ctx.Source.Contributions);
        Field<JsonGraphType>("statistics").Description("Univariate only: both windows' statistics (count, null rate, mean, std, min/max, quantiles; categories; lengths; norms and centroid).")
            .Resolve(ctx => ctx.Source.Statistics);
        Field<JsonGraphType>("details").Description("Data-quality counts and the baseline used; skew counts and example entities; the classifier's rows and features.")
            .Resolve(ctx => ctx.Source.Details);
        Field<StringGraphType>("plotUrl").Description("Path of the SVG picture of baseline vs current distributions (GET, image/svg+xml); null when there is none.")
            .Resolve(ctx => ctx.Source.HasPlot ? DriftPlotEndpoint.PathOf(ctx.Source.Id) : null);
        Field<NonNullGraphType<InstantGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
    }
}
