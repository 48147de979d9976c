using FeatureStore.Core.Computation;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Computation;

internal sealed class ComputationProblemGraphType : ObjectGraphType<ComputationProblem>
{
    public ComputationProblemGraphType()
    {
        Name = "ComputationProblem";
        Description = "A bad source row (left out, never guessed at) or a value that could not be computed.";
        Field<StringGraphType>("feature").Resolve(ctx => ctx.Source.Feature);
        Field<NonNullGraphType<StringGraphType>>("entityId").Description("The entity (or, for a refused stream entry, the entry id).").Resolve(ctx => ctx.Source.EntityId);
        Field<StringGraphType>("rowId").Description("The source row at fault.").Resolve(ctx => ctx.Source.RowId);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
    }
}
