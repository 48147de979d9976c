using FeatureStore.Core.Registry;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Registry;

internal sealed class FeatureDefinitionType : ObjectGraphType<FeatureDefinition>
{
    public FeatureDefinitionType()
    {
        Name = "FeatureDefinition";
        Description = "A registered feature.";
        Field(f => f.Name).Description("Unique name, entity:feature_name.");
        Field(f => f.EntityType).Description("The kind of entity it describes (tenant, user, conversation, message, ...).");
        Field<NonNullGraphType<StringGraphType>>("valueType")
            .Description("numeric, boolean, categorical, array, json or vector.")
            .Resolve(ctx => ctx.Source.ValueType.ToWireName());
        Field(f => f.Description, nullable: true);
        Field(f => f.Owner, nullable: true);
        Field(f => f.Tags);
        Field(f => f.IsActive).Description("False once retired; inactive features are not served.");
    }
}
