using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Computation;

internal sealed class IngestResultGraphType : ObjectGraphType<IngestResult>
{
    public IngestResultGraphType()
    {
        Name = "IngestResult";
        Description = "Rows appended to the event stream; the streaming path stores them and updates real-time features (within a second, typically tens of ms).";
        Field<NonNullGraphType<IntGraphType>>("accepted").Description("Rows appended.").Resolve(ctx => ctx.Source.Accepted);
        Field<NonNullGraphType<StringGraphType>>("streamId").Description("The stream entry id.").Resolve(ctx => ctx.Source.StreamId);
    }
}
