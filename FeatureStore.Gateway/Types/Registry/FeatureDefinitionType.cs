using FeatureStore.Core.Registry;
using FeatureStore.Core.Registry.Definitions;
using FeatureStore.Core.Registry.Versioning;
using FeatureStore.Core.Time;
using FeatureStore.Gateway.Services;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Registry;

internal sealed class FeatureDefinitionType : ObjectGraphType<FeatureView>
{
    public FeatureDefinitionType()
    {
        Name = "FeatureDefinition";
        Description = "A registered feature, seen at one version (the active one unless a version was asked for).";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique name, entity:feature_name.").Resolve(ctx => ctx.Source.Feature.Name);
        Field<NonNullGraphType<StringGraphType>>("version").Description("The version shown.").Resolve(ctx => ctx.Source.Shown.Version.ToString());
        Field<NonNullGraphType<StringGraphType>>("activeVersion").Description("The version unpinned readers get.").Resolve(ctx => ctx.Source.Feature.ActiveVersion.ToString());
        Field<NonNullGraphType<StringGraphType>>("entityType").Description("tenant, user, conversation, message, ...").Resolve(ctx => ctx.Source.Shown.Spec.EntityType);
        Field<NonNullGraphType<StringGraphType>>("valueType").Description("numeric, boolean, categorical, array, json or vector.").Resolve(ctx => ctx.Source.Shown.Spec.Value.Kind.ToWireName());
        Field<NonNullGraphType<JsonGraphType>>("valueSchema").Description("The value type with its details (allowed values, dimension, ...).").Resolve(ctx => FeatureSpecJson.ToJson(ctx.Source.Shown.Spec)["valueType"]!.DeepClone());
        Field<StringGraphType>("description").Resolve(ctx => ctx.Source.Shown.Spec.Description);
        Field<StringGraphType>("owner").Resolve(ctx => ctx.Source.Shown.Spec.Owner);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(ctx => ctx.Source.Shown.Spec.Tags);
        Field<NonNullGraphType<JsonGraphType>>("computation").Resolve(ctx => FeatureSpecJson.ToJson(ctx.Source.Shown.Spec)["computation"]!.DeepClone());
        Field<NonNullGraphType<StringGraphType>>("refresh").Resolve(ctx => ctx.Source.Shown.Spec.Refresh);
        Field<StringGraphType>("ttl").Description("How long a value stays fresh, e.g. 24h.").Resolve(ctx => ctx.Source.Shown.Spec.TimeToLive is { } ttl ? Durations.Format(ttl) : null);
        Field<NonNullGraphType<BooleanGraphType>>("isActive").Description("False once retired.").Resolve(ctx => ctx.Source.Feature.IsActive);
        Field<NonNullGraphType<FeatureStatusType>>("status").Resolve(ctx => ctx.Source.Feature.Status);
        Field<NonNullGraphType<BooleanGraphType>>("isDeprecated").Description("True when the version shown is deprecated.").Resolve(ctx => ctx.Source.Shown.Deprecation is not null);
        Field<StringGraphType>("deprecationReason").Resolve(ctx => ctx.Source.Shown.Deprecation?.Reason);
        Field<InstantGraphType>("sunsetAt").Resolve(ctx => ctx.Source.Shown.Deprecation?.SunsetAt);
        Field<TrafficSplitType>("trafficSplit").Resolve(ctx => ctx.Source.Feature.Split is { } split ? (ctx.Source.Feature, split) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeatureVersionType>>>>("versions")
            .Description("Every version, oldest first: history is never rewritten.")
            .Resolve(ctx => ctx.Source.Feature.Versions.Select(v => new FeatureVersionView(ctx.Source.Feature, v)));
        Field<NonNullGraphType<VersionDiffType>>("diff")
            .Description("What changed between two versions of this feature.")
            .Argument<NonNullGraphType<StringGraphType>>("from")
            .Argument<NonNullGraphType<StringGraphType>>("to")
            .Resolve(ctx =>
            {
                var from = VersionArguments.Find(ctx.Source.Feature, ctx.GetArgument<string>("from"));
                var to = VersionArguments.Find(ctx.Source.Feature, ctx.GetArgument<string>("to"));
                return (from.Version.ToString(), to.Version.ToString(), ChangeClassifier.Classify(from.Spec, to.Spec));
            });
    }
}
