using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Registry;

internal sealed class FeatureVersionType : ObjectGraphType<FeatureVersionView>
{
    public FeatureVersionType()
    {
        Name = "FeatureVersion";
        Description = "One immutable version of a feature's definition.";
        Field<NonNullGraphType<StringGraphType>>("version").Resolve(ctx => ctx.Source.Version.Version.ToString());
        Field<NonNullGraphType<ChangeKindType>>("change").Description("How it differed from the version before it.").Resolve(ctx => ctx.Source.Version.Change);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons").Resolve(ctx => ctx.Source.Version.Reasons);
        Field<NonNullGraphType<InstantGraphType>>("createdAt").Resolve(ctx => ctx.Source.Version.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Resolve(ctx => ctx.Source.Version.CreatedBy);
        Field<NonNullGraphType<BooleanGraphType>>("isActive").Description("True for the version unpinned readers get.").Resolve(ctx => ctx.Source.IsActive);
        Field<NonNullGraphType<BooleanGraphType>>("isDeprecated").Resolve(ctx => ctx.Source.Version.Deprecation is not null);
        Field<StringGraphType>("deprecationReason").Resolve(ctx => ctx.Source.Version.Deprecation?.Reason);
        Field<InstantGraphType>("sunsetAt").Description("After this instant reads of this version fail.").Resolve(ctx => ctx.Source.Version.Deprecation?.SunsetAt);
        Field<NonNullGraphType<JsonGraphType>>("definition").Description("The definition as applied (canonical JSON).").Resolve(ctx => FeatureSpecJson.ToJson(ctx.Source.Version.Spec));
    }
}
