using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Registry;

internal sealed class ApplyResultType : ObjectGraphType<ApplyResult>
{
    public ApplyResultType()
    {
        Name = "ApplyResult";
        Description = "A plan, and whether it was applied (all or nothing).";
        Field<NonNullGraphType<BooleanGraphType>>("applied").Resolve(ctx => ctx.Source.Applied);
        Field<NonNullGraphType<BooleanGraphType>>("dryRun").Resolve(ctx => ctx.Source.DryRun);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanEntryType>>>>("changes").Description("One entry per definition, in the order given.").Resolve(ctx => ctx.Source.Changes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DefinitionProblemType>>>>("problems").Description("Why the plan cannot be applied (dry runs; a real apply with problems is an INVALID_DEFINITION error).").Resolve(ctx => ctx.Source.Problems);
    }
}
