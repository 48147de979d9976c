using System.Diagnostics;
using System.Text.Json;
using FeatureStore.Core.Computation.Runs;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Sources;
using Microsoft.Extensions.Logging;

namespace FeatureStore.Core.Computation.Streaming;

/// <summary>
/// Applies stream entries: store the rows not stored yet (a redelivered entry adds nothing), then
/// recompute the real-time features of every entity they touch from the source tables, with the
/// one implementation batch uses, and only then acknowledge. Because values are recomputed from
/// the stored rows rather than incremented, applying an entry twice changes nothing, so a consumer
/// killed mid-batch neither loses nor double-counts when its entries are delivered again.
/// </summary>
public sealed class StreamProcessor(IEventStream stream, ISourceStore store, ISourceReader reader, EntityRecomputer recomputer, RegistryCache registry,
    IComputationLog log, StreamingOptions options, TimeProvider clock, ILogger<StreamProcessor> logger)
{
    /// <summary>Reads and applies one batch of entries; returns how many were read.</summary>
    public async Task<int> ProcessNextAsync(string consumer, CancellationToken cancellationToken)
    {
        var entries = await stream.ReadAsync(consumer, options.BatchSize, options.ClaimAfter, cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        var started = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var problems = new List<ComputationProblem>();
        var applied = new List<(EventEntry Entry, SourceBatch Batch)>();
        foreach (var entry in entries)
        {
            if (Parse(entry, problems) is { } batch)
            {
                applied.Add((entry, batch));
            }
            else
            {
                await stream.DeadLetterAsync(entry, problems[^1].Message, cancellationToken);
            }
        }

        applied = await StoreAsync(applied, problems, cancellationToken);
        var merged = SourceBatch.Concat(applied.Select(a => a.Batch));
        // Only the real-time features that read a kind of row the events bring can change.
        var arrived = ArrivedSources(merged);
        var targets = ComputationTargets.Select((await registry.GetAsync(cancellationToken)).Values, started,
            v => RefreshTicks.IsRealTime(v.Spec.Refresh) && ValueInstants.SourcesOf(v.Spec).Any(arrived.Contains));
        var result = (await recomputer.RecomputeAsync(await AffectedAsync(merged, cancellationToken), targets, clock.GetUtcNow(), null, cancellationToken)).Computed;

        var completed = started + stopwatch.Elapsed;
        await log.RecordAsync([.. ComputationLogEntry.From(result, ComputationTypes.Streaming, null, started, completed),
            .. problems.Count > 0 ? [new ComputationLogEntry(null, ComputationTypes.Streaming, null, 0, completed - started, problems.Count, [.. problems.Take(ComputationLogEntry.MaxDetails)], started, completed)] : Array.Empty<ComputationLogEntry>()],
            cancellationToken);
        await stream.AcknowledgeAsync([.. entries.Select(e => e.Id)], cancellationToken);
        return entries.Count;
    }

    private SourceBatch? Parse(EventEntry entry, List<ComputationProblem> problems)
    {
        // An entry that keeps failing after it is read (its rows are good) must not block the stream.
        var (batch, problem) = entry.Deliveries > options.MaxDeliveries
            ? (null, $"delivered {entry.Deliveries} times without being applied")
            : Read(entry.Json);
        if (problem is null)
        {
            return batch;
        }

        logger.LogWarning("Stream entry {Id} refused: {Problem}", entry.Id, problem);
        problems.Add(new ComputationProblem(null, entry.Id, entry.Id, problem));
        return null;
    }

    private static (SourceBatch? Batch, string? Problem) Read(string json)
    {
        try
        {
            var batch = SourceBatchJson.Deserialize(json);
            var rowProblems = SourceBatchChecks.Problems(batch);
            return rowProblems.Count == 0 ? (batch, null) : (null, string.Join("; ", rowProblems.Select(p => $"{p.Field} {p.Feature}: {p.Message}")));
        }
        catch (JsonException error)
        {
            return (null, $"not a source batch: {error.Message}");
        }
    }

    // All entries in one transaction; if the store refuses that (a row breaking a table rule), one
    // by one, so only the entries at fault go to the dead-letter stream.
    // A message arriving after later ones of its conversation changes their context: they are recomputed too.
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> AffectedAsync(SourceBatch merged, CancellationToken cancellationToken)
    {
        var affected = AffectedEntities.Of(merged);
        if (!affected.TryGetValue(ComputedEntityTypes.Message, out var messages))
        {
            return affected;
        }

        return new Dictionary<string, IReadOnlyList<string>>(affected) { [ComputedEntityTypes.Message] = await reader.MessagesInContextOfAsync(messages, cancellationToken) };
    }

    private async Task<List<(EventEntry Entry, SourceBatch Batch)>> StoreAsync(List<(EventEntry Entry, SourceBatch Batch)> applied, List<ComputationProblem> problems, CancellationToken cancellationToken)
    {
        try
        {
            await store.WriteNewAsync(SourceBatch.Concat(applied.Select(a => a.Batch)), cancellationToken);
            return applied;
        }
        catch (InvalidSourceRowsException) when (applied.Count > 1)
        {
            var stored = new List<(EventEntry, SourceBatch)>();
            foreach (var (entry, batch) in applied)
            {
                try
                {
                    await store.WriteNewAsync(batch, cancellationToken);
                    stored.Add((entry, batch));
                }
                catch (InvalidSourceRowsException refused)
                {
                    problems.Add(new ComputationProblem(null, entry.Id, entry.Id, refused.Message));
                    await stream.DeadLetterAsync(entry, refused.Message, cancellationToken);
                }
            }

            return stored;
        }
        catch (InvalidSourceRowsException refused)
        {
            problems.Add(new ComputationProblem(null, applied[0].Entry.Id, applied[0].Entry.Id, refused.Message));
            await stream.DeadLetterAsync(applied[0].Entry, refused.Message, cancellationToken);
            return [];
        }
    }

    private static HashSet<string> ArrivedSources(SourceBatch batch)
    {
        var arrived = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (source, count) in new[] { ("messages", batch.Messages.Count), ("conversations", batch.Conversations.Count), ("feedback", batch.Feedback.Count), ("bookings", batch.Bookings.Count) })
        {
            if (count > 0)
            {
                arrived.Add(source);
            }
        }

        return arrived;
    }

}
