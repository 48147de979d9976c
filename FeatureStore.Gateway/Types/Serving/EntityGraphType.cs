using FeatureStore.Core.Errors;
using FeatureStore.Core.Serving;
using FeatureStore.Gateway.DataLoaders;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Serving;

internal sealed class EntityGraphType : ObjectGraphType<EntityRef>
{
    public const int MaxNames = 1_000;

    public EntityGraphType()
    {
        Name = "Entity";
        Description = "A tenant, user, conversation or message, and its features.";
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(ctx => ctx.Source.Type);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeatureValueGraphType>>>>("features")
            .Description("The named features, in the order asked; a name may carry a pin (user:booking_rate@1). asOf here overrides the entity's.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("names")
            .Argument<InstantGraphType>("asOf")
            .Resolve(ctx =>
            {
                var names = ctx.GetArgument<List<string>>("names");
                if (names.Count > MaxNames)
                {
                    throw new FeatureStoreException(FeatureStoreErrorCodes.LimitExceeded, $"at most {MaxNames} feature names per entity, not {names.Count}");
                }

                var asOf = ctx.GetArgument<DateTimeOffset?>("asOf") ?? ctx.Source.AsOf;
                var requests = new FeatureRequest[names.Count];
                for (var i = 0; i < requests.Length; i++)
                {
                    requests[i] = new FeatureRequest(ctx.Source.Type, ctx.Source.Id, names[i], asOf);
                }

                return ctx.FeatureLoader().LoadMany(requests);
            });
        Field<NonNullGraphType<FeatureValueGraphType>>("feature")
            .Description("One feature (optionally pinned); asOf here overrides the entity's.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<InstantGraphType>("asOf")
            .Resolve(ctx => ctx.FeatureLoader().Load(
                new FeatureRequest(ctx.Source.Type, ctx.Source.Id, ctx.GetArgument<string>("name"), ctx.GetArgument<DateTimeOffset?>("asOf") ?? ctx.Source.AsOf)));
    }
}
