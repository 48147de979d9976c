using FeatureStore.Core.Registry.State;
using FeatureStore.Gateway.Services;
using FeatureStore.Gateway.Types.Computation;
using FeatureStore.Gateway.Types.Drift;
using FeatureStore.Gateway.Types.Registry;
using FeatureStore.Gateway.Types.Serving;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types;

internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Field<NonNullGraphType<EntityGraphType>>("entity")
            .Description("One entity; its features are read now, or as of an instant (time travel).")
            .Argument<NonNullGraphType<StringGraphType>>("type")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<InstantGraphType>("asOf")
            .ResolveAsync(async ctx => (await Serving(ctx).EntitiesAsync(ctx.GetArgument<string>("type"), [ctx.GetArgument<string>("id")], ctx.GetArgument<DateTimeOffset?>("asOf"), ctx.CancellationToken))[0]);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityGraphType>>>>("entities")
            .Description("Many entities of one type, in the order of ids; every feature of every entity is read in one batch.")
            .Argument<NonNullGraphType<StringGraphType>>("type")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Argument<InstantGraphType>("asOf")
            .ResolveAsync(async ctx => await Serving(ctx).EntitiesAsync(ctx.GetArgument<string>("type"), ctx.GetArgument<List<string>>("ids"), ctx.GetArgument<DateTimeOffset?>("asOf"), ctx.CancellationToken));

        Field<NonNullGraphType<EntityConnectionGraphType>>("entitiesAsOf")
            .Description("All entities of a type that had any of the features at asOf, a page at a time, by id; their features read as of then.")
            .Argument<NonNullGraphType<StringGraphType>>("type")
            .Argument<NonNullGraphType<InstantGraphType>>("asOf")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("features")
            .Argument<IntGraphType>("first", "Page size, 1..1000.", arg => arg.DefaultValue = 100)
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async ctx => await Serving(ctx).EntitiesAsOfAsync(ctx.GetArgument<string>("type"), ctx.GetArgument<DateTimeOffset>("asOf"),
                ctx.GetArgument<List<string>>("features"), ctx.GetArgument<int>("first"), ctx.GetArgument<string?>("after"), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrainingRowGraphType>>>>("trainingSet")
            .Description("A point-in-time correct training set: each row's features as of its timestamp (up to 10,000 rows), all read in one offline query.")
            .Argument<NonNullGraphType<StringGraphType>>("type")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<TrainingRowInputGraphType>>>>("rows")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("features")
            .ResolveAsync(async ctx => await Serving(ctx).TrainingSetAsync(ctx.GetArgument<string>("type"),
                ctx.GetArgument<List<Dictionary<string, object?>>>("rows"), ctx.GetArgument<List<string>>("features"), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SimilarEntityGraphType>>>>("similar")
            .Description("The k entities whose current value of a vector feature is nearest (cosine) to a vector or to another entity's value; HNSW index on pgvector.")
            .Argument<NonNullGraphType<StringGraphType>>("feature", "A vector feature: name (active version) or name@major.")
            .Argument<ListGraphType<NonNullGraphType<FloatGraphType>>>("to", "The query vector (exactly one of to and toEntity).")
            .Argument<IdGraphType>("toEntity", "Search near this entity's current vector; the entity itself is left out.")
            .Argument<NonNullGraphType<IntGraphType>>("k", "How many neighbours, 1..1000.")
            .ResolveAsync(async ctx => await Serving(ctx).SimilarAsync(ctx.GetArgument<string>("feature"), ctx.GetArgument<List<double>?>("to"),
                ctx.GetArgument<string?>("toEntity"), ctx.GetArgument<int>("k"), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeatureDefinitionType>>>>("featureDefinitions")
            .Description("Registered features, ordered by name, optionally filtered.")
            .Argument<StringGraphType>("entityType")
            .Argument<StringGraphType>("tag")
            .Argument<FeatureStatusType>("status")
            .ResolveAsync(async ctx => await Registry(ctx).ListAsync(
                new FeatureQuery(ctx.GetArgument<string?>("entityType"), ctx.GetArgument<string?>("tag"), ctx.GetArgument<FeatureStatus?>("status")),
                ctx.CancellationToken));

        Field<NonNullGraphType<FeatureDefinitionType>>("featureDefinition")
            .Description("One feature with its full version history; FEATURE_NOT_FOUND / VERSION_NOT_FOUND when unknown.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<StringGraphType>("version", "Show this version instead of the active one.")
            .ResolveAsync(async ctx => await Registry(ctx).GetAsync(ctx.GetArgument<string>("name"), ctx.GetArgument<string?>("version"), ctx.CancellationToken));

        Field<NonNullGraphType<FeatureVersionType>>("resolveFeatureVersion")
            .Description("The version an entity is served: by pin (name@1), by A/B split, or the active one. VERSION_SUNSET after a deprecated version's sunset.")
            .Argument<NonNullGraphType<StringGraphType>>("feature", "name, name@1, name@1.2 or name@1.2.0")
            .Argument<NonNullGraphType<IdGraphType>>("entityId")
            .Argument<InstantGraphType>("at", "Judge deprecation at this instant (default: now).")
            .ResolveAsync(async ctx => await Registry(ctx).ResolveAsync(
                ctx.GetArgument<string>("feature"), ctx.GetArgument<string>("entityId"), ctx.GetArgument<DateTimeOffset?>("at"), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryType>>>>("featureAudit")
            .Description("Who changed what in the registry, newest first.")
            .Argument<StringGraphType>("name")
            .Argument<IntGraphType>("limit", "At most this many entries (1..1000).", arg => arg.DefaultValue = 50)
            .ResolveAsync(async ctx => await Registry(ctx).AuditAsync(ctx.GetArgument<string?>("name"), ctx.GetArgument<int>("limit"), ctx.CancellationToken));

        Field<NonNullGraphType<ComputationJobGraphType>>("computationJob")
            .Description("A batch job (scheduled run or backfill) and its progress.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await Computation(ctx).JobAsync(ctx.GetArgument<Guid>("id"), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComputationJobGraphType>>>>("computationJobs")
            .Description("Batch jobs, newest first.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 20)
            .ResolveAsync(async ctx => await Computation(ctx).JobsAsync(ctx.GetArgument<int>("first"), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComputationLogEntryGraphType>>>>("computationLogs")
            .Description("The computation log (ai_feature_computation_logs), newest first: what each batch, streaming and on-demand run did per feature, with its errors.")
            .Argument<StringGraphType>("feature")
            .Argument<StringGraphType>("type", "batch, streaming or on-demand.")
            .Argument<IdGraphType>("runId", "A batch job's id.")
            .Argument<InstantGraphType>("since")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 100)
            .ResolveAsync(async ctx => await Computation(ctx).LogsAsync(ctx.GetArgument<string?>("feature"), ctx.GetArgument<string?>("type"),
                ctx.GetArgument<Guid?>("runId"), ctx.GetArgument<DateTimeOffset?>("since"), ctx.GetArgument<int>("first"), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DriftReportGraphType>>>>("driftReports")
            .Description("A feature's drift reports (univariate and skew; 'entity:*' for the classifier over an entity type) whose window overlaps [from, to), newest window first.")
            .Argument<NonNullGraphType<StringGraphType>>("feature")
            .Argument<InstantGraphType>("from")
            .Argument<InstantGraphType>("to")
            .Argument<IntGraphType>("first", "At most this many reports (1..1000).", arg => arg.DefaultValue = 100)
            .ResolveAsync(async ctx => await Drift(ctx).ReportsAsync(ctx.GetArgument<string>("feature"), ctx.GetArgument<DateTimeOffset?>("from"),
                ctx.GetArgument<DateTimeOffset?>("to"), ctx.GetArgument<int>("first"), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeatureDriftStatusGraphType>>>>("driftStatus")
            .Description("The latest drift status of every checked feature (or of one), with the newest report of each check.")
            .Argument<StringGraphType>("feature")
            .ResolveAsync(async ctx => await Drift(ctx).StatusAsync(ctx.GetArgument<string?>("feature"), ctx.CancellationToken));
    }

    private static DriftService Drift(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<DriftService>();

    private static ComputationService Computation(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ComputationService>();

    private static ServingService Serving(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ServingService>();

    private static RegistryService Registry(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<RegistryService>();
}
