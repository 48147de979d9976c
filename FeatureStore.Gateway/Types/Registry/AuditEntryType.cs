using System.Text.Json.Nodes;
using FeatureStore.Core.Registry.State;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Registry;

internal sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One change to the registry: who did what, when.";
        Field<NonNullGraphType<InstantGraphType>>("at").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<StringGraphType>>("actor").Resolve(ctx => ctx.Source.Actor);
        Field<NonNullGraphType<StringGraphType>>("action").Description("apply, deprecate, rollback, traffic_split or clear_traffic_split.").Resolve(ctx => ctx.Source.Action);
        Field<NonNullGraphType<StringGraphType>>("feature").Resolve(ctx => ctx.Source.Feature);
        Field<StringGraphType>("version").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<JsonGraphType>>("details").Resolve(ctx => JsonNode.Parse(ctx.Source.Details));
    }
}
