using FeatureStore.Core.Registry.Versioning;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Registry;

internal sealed class PlanEntryType : ObjectGraphType<PlanEntry>
{
    public PlanEntryType()
    {
        Name = "PlanEntry";
        Description = "What applying one definition does (or would do, in a dry run).";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<ChangeKindType>>("change").Resolve(ctx => ctx.Source.Kind);
        Field<StringGraphType>("fromVersion").Description("The latest registered version; null for a new feature.").Resolve(ctx => ctx.Source.FromVersion?.ToString());
        Field<NonNullGraphType<StringGraphType>>("toVersion").Resolve(ctx => ctx.Source.ToVersion.ToString());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons").Resolve(ctx => ctx.Source.Reasons);
    }
}
