namespace FeatureStore.Core.Computation;

/// <summary>
/// Something a computation could not use or produce: a bad source row (skipped, never guessed
/// at), or a feature it could not compute for an entity. Counted and logged, never fatal to a run.
/// </summary>
/// <param name="Feature">The feature concerned, or null for a bad row every feature skips.</param>
/// <param name="EntityId">The entity whose computation met it.</param>
/// <param name="RowId">The source row at fault, when one is.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ComputationProblem(string? Feature, string EntityId, string? RowId, string Message);
