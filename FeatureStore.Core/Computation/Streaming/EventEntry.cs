namespace FeatureStore.Core.Computation.Streaming;

/// <summary>An entry read from the event stream: its id and the JSON batch it carries.</summary>
/// <param name="Id">The stream's entry id (acknowledged once applied).</param>
/// <param name="Json">The batch, as <see cref="SourceBatchJson"/> writes it (unchecked: it may be anything a producer sent).</param>
/// <param name="Deliveries">How many times it has been delivered, this time included.</param>
public sealed record EventEntry(string Id, string Json, long Deliveries);
