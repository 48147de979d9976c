using FeatureStore.Gateway.Services;
using FeatureStore.Gateway.Types.Computation;
using FeatureStore.Gateway.Types.Drift;
using FeatureStore.Gateway.Types.Registry;
using FeatureStore.Gateway.Types.Serving;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types;

internal sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Field<NonNullGraphType<WriteResultGraphType>>("writeFeatureValues")
            .Description("Writes values, all or nothing: each is checked against its feature's type; history intervals and the online copy follow.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<FeatureValueInputGraphType>>>>("values")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<ServingService>().WriteAsync(
                ctx.GetArgument<List<Dictionary<string, object?>>>("values"), ctx.CancellationToken));

        Field<NonNullGraphType<IngestResultGraphType>>("ingestEvents")
            .Description($"Appends source rows (tenants, users, conversations, messages, feedback, bookings, analyticsEvents; JSON as in docs/streaming.md) to the event stream; real-time features follow within a second. Every row is checked first: INVALID_VALUE lists each bad row and nothing is appended. At most {ComputationService.MaxRowsPerIngest} rows.")
            .Argument<NonNullGraphType<JsonGraphType>>("batch")
            .ResolveAsync(async ctx => await Computation(ctx).IngestAsync(ctx.GetArgument<object?>("batch"), ctx.CancellationToken));

        Field<NonNullGraphType<ComputationJobGraphType>>("backfill")
            .Description("Plans a backfill: every value of the features (all computed ones when omitted) materialized in (from, to], for every entity; Compute replicas run it. Follow it with computationJob(id).")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("features")
            .Argument<NonNullGraphType<InstantGraphType>>("from")
            .Argument<NonNullGraphType<InstantGraphType>>("to")
            .ResolveAsync(async ctx => await Computation(ctx).BackfillAsync(ctx.GetArgument<List<string>?>("features") ?? [],
                ctx.GetArgument<DateTimeOffset>("from"), ctx.GetArgument<DateTimeOffset>("to"), ctx.CancellationToken));

        Field<NonNullGraphType<ApplyResultType>>("applyFeatureDefinitions")
            .Description("Plans and applies definitions, all or nothing. dryRun: plan only. Invalid definitions: INVALID_DEFINITION listing every problem.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<JsonGraphType>>>>("definitions")
            .Argument<BooleanGraphType>("dryRun", arg => arg.DefaultValue = false)
            .ResolveAsync(async ctx => await Registry(ctx).ApplyAsync(ctx.GetArgument<List<object?>>("definitions"), ctx.GetArgument<bool>("dryRun"), ctx.CancellationToken));

        Field<NonNullGraphType<FeatureDefinitionType>>("deprecateFeatureVersion")
            .Description("Deprecates a version: reads warn until sunsetAt, then fail with VERSION_SUNSET.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<NonNullGraphType<StringGraphType>>("version")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Argument<NonNullGraphType<InstantGraphType>>("sunsetAt")
            .ResolveAsync(async ctx => await Registry(ctx).DeprecateAsync(
                ctx.GetArgument<string>("name"), ctx.GetArgument<string>("version"), ctx.GetArgument<string>("reason"), ctx.GetArgument<DateTimeOffset>("sunsetAt"), ctx.CancellationToken));

        Field<NonNullGraphType<FeatureDefinitionType>>("rollbackFeature")
            .Description("Makes a previous version active again, atomically (and ends any A/B split).")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<NonNullGraphType<StringGraphType>>("version")
            .ResolveAsync(async ctx => await Registry(ctx).RollbackAsync(ctx.GetArgument<string>("name"), ctx.GetArgument<string>("version"), ctx.CancellationToken));

        Field<NonNullGraphType<FeatureDefinitionType>>("setTrafficSplit")
            .Description("Serves candidateVersion to candidatePercent % of entities (stable per entity), the active version to the rest.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<NonNullGraphType<StringGraphType>>("candidateVersion")
            .Argument<NonNullGraphType<FloatGraphType>>("candidatePercent")
            .ResolveAsync(async ctx => await Registry(ctx).SetTrafficSplitAsync(
                ctx.GetArgument<string>("name"), ctx.GetArgument<string>("candidateVersion"), ctx.GetArgument<double>("candidatePercent"), ctx.CancellationToken));

        Field<NonNullGraphType<FeatureDefinitionType>>("clearTrafficSplit")
            .Description("Ends the A/B split.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .ResolveAsync(async ctx => await Registry(ctx).ClearTrafficSplitAsync(ctx.GetArgument<string>("name"), ctx.CancellationToken));

        Field<NonNullGraphType<DriftCheckRequestGraphType>>("requestDriftCheck")
            .Description("Queues a drift check of the features (all when omitted) over the window ending now; a drift worker runs it within its poll interval, and its reports appear in driftReports.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("features")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<DriftService>().RequestCheckAsync(ctx.GetArgument<List<string>?>("features"), ctx.CancellationToken));
    }

    private static ComputationService Computation(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ComputationService>();

    private static RegistryService Registry(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<RegistryService>();
}
