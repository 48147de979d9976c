using FeatureStore.Core.Computation.Runs;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Computation;

internal sealed class ComputationLogEntryGraphType : ObjectGraphType<ComputationLogEntry>
{
    public ComputationLogEntryGraphType()
    {
        Name = "ComputationLogEntry";
        Description = "What one run (batch work item, streaming batch, on-demand read) did for one feature.";
        Field<StringGraphType>("feature").Description("Null for problems no feature owns (an event that could not be read).").Resolve(ctx => ctx.Source.Feature);
        Field<NonNullGraphType<StringGraphType>>("type").Description("batch, streaming or on-demand.").Resolve(ctx => ctx.Source.Type);
        Field<IdGraphType>("runId").Description("The batch job.").Resolve(ctx => ctx.Source.RunId);
        Field<NonNullGraphType<IntGraphType>>("entitiesProcessed").Resolve(ctx => ctx.Source.EntitiesProcessed);
        Field<NonNullGraphType<FloatGraphType>>("durationMs").Resolve(ctx => ctx.Source.Duration.TotalMilliseconds);
        Field<NonNullGraphType<IntGraphType>>("errorsCount").Resolve(ctx => ctx.Source.ErrorsCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComputationProblemGraphType>>>>("errors")
            .Description($"The first {ComputationLogEntry.MaxDetails} problems.").Resolve(ctx => ctx.Source.Errors);
        Field<NonNullGraphType<InstantGraphType>>("startedAt").Resolve(ctx => ctx.Source.StartedAt);
        Field<NonNullGraphType<InstantGraphType>>("completedAt").Resolve(ctx => ctx.Source.CompletedAt);
    }
}
