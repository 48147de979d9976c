using FeatureStore.Core.Registry.Definitions;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Registry;

internal sealed class DefinitionProblemType : ObjectGraphType<DefinitionProblem>
{
    public DefinitionProblemType()
    {
        Name = "DefinitionProblem";
        Description = "One thing wrong with one definition.";
        Field<NonNullGraphType<StringGraphType>>("feature").Resolve(ctx => ctx.Source.Feature);
        Field<NonNullGraphType<StringGraphType>>("field").Description("The field's path, e.g. valueType.dimension; empty for the whole definition.").Resolve(ctx => ctx.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
    }
}
