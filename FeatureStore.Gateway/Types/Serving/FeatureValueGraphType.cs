using FeatureStore.Core.Serving;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Serving;

internal sealed class FeatureValueGraphType : ObjectGraphType<ServedValue>
{
    // Boxed once: a 100-entity read resolves a thousand of each field, and every box is garbage.
    private static readonly object[] Sources = [.. Enum.GetValues<ValueSource>().Select(source => (object)source)];

    public FeatureValueGraphType()
    {
        Name = "FeatureValue";
        Description = "One feature of one entity: its value, the version it came from, where from, and whether it is stale.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The feature as asked (with its pin, if any).").Resolve(ctx => ctx.Source.Name);
        Field<StringGraphType>("version").Description("The version the value belongs to.").Resolve(ctx => ctx.Source.Version);
        Field<JsonGraphType>("value").Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<StringGraphType>>("valueType").Resolve(ctx => ctx.Source.ValueType);
        Field<InstantGraphType>("validFrom").Resolve(ctx => ctx.Source.ValidFrom);
        Field<InstantGraphType>("validTo").Description("When the next value replaced it (history reads).").Resolve(ctx => ctx.Source.ValidTo);
        Field<InstantGraphType>("computedAt").Resolve(ctx => ctx.Source.ComputedAt);
        Field<NonNullGraphType<ValueSourceGraphType>>("source").Resolve(ctx => Sources[(int)ctx.Source.Source]);
        Field<NonNullGraphType<BooleanGraphType>>("stale").Description("Older than the feature's time-to-live at the instant read.").Resolve(ctx => ctx.Source.Stale.Boxed());
    }
}
