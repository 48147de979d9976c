using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Serving;

internal sealed class WriteResultGraphType : ObjectGraphType<int>
{
    public WriteResultGraphType()
    {
        Name = "WriteResult";
        Description = "How many values were written (all of them: a batch is all or nothing).";
        Field<NonNullGraphType<IntGraphType>>("written").Resolve(ctx => ctx.Source);
    }
}
