using FeatureStore.Core.Computation.Runs;
using FeatureStore.Gateway.Types.Scalars;
using GraphQL.Types;

namespace FeatureStore.Gateway.Types.Computation;

internal sealed class ComputationJobGraphType : ObjectGraphType<ComputationJob>
{
    public ComputationJobGraphType()
    {
        Name = "ComputationJob";
        Description = "A batch job: a scheduled run (one refresh schedule at one tick) or a backfill, with its progress.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Also the runId of its computation log entries.").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("kind").Description("scheduled or backfill.").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("schedule").Description("hourly, daily, weekly, real-time (the catch-up run), a cron expression, or backfill.").Resolve(ctx => ctx.Source.Schedule);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("features").Description("Features computed; empty means all of the schedule.").Resolve(ctx => ctx.Source.Features);
        Field<NonNullGraphType<InstantGraphType>>("at").Description("Values as of this instant (a backfill's end).").Resolve(ctx => ctx.Source.At);
        Field<InstantGraphType>("from").Description("A backfill's start (exclusive).").Resolve(ctx => ctx.Source.After);
        Field<NonNullGraphType<StringGraphType>>("status").Description("running, done or failed.").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("itemsTotal").Resolve(ctx => ctx.Source.ItemsTotal);
        Field<NonNullGraphType<IntGraphType>>("itemsDone").Resolve(ctx => ctx.Source.ItemsDone);
        Field<NonNullGraphType<FloatGraphType>>("progress").Description("Share of work items done, 0 to 1.").Resolve(ctx => ctx.Source.Progress);
        Field<NonNullGraphType<LongGraphType>>("entitiesDone").Resolve(ctx => ctx.Source.EntitiesDone);
        Field<NonNullGraphType<LongGraphType>>("errors").Description("Bad source rows and failed computations (details in computationLogs).").Resolve(ctx => ctx.Source.Errors);
        Field<NonNullGraphType<StringGraphType>>("requestedBy").Resolve(ctx => ctx.Source.RequestedBy);
        Field<NonNullGraphType<InstantGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<InstantGraphType>("completedAt").Resolve(ctx => ctx.Source.CompletedAt);
    }
}
