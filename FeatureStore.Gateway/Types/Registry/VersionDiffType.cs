using FeatureStore.Core.Registry.Versioning;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Registry;

internal sealed class VersionDiffType : ObjectGraphType<(string From, string To, DetectedChange Change)>
{
    public VersionDiffType()
    {
        Name = "VersionDiff";
        Description = "What changed between two versions, classified as the registry classifies changes.";
        Field<NonNullGraphType<StringGraphType>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<StringGraphType>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<ChangeKindType>>("change").Resolve(ctx => ctx.Source.Change.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons").Description("One line per changed field.").Resolve(ctx => ctx.Source.Change.Reasons);
    }
}
