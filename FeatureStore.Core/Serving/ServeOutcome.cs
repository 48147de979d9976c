using FeatureStore.Core.Errors;

namespace FeatureStore.Core.Serving;

/// <summary>One request's answer: a value, or the error that concerns that feature alone.</summary>
public sealed record ServeOutcome(ServedValue? Value, FeatureStoreException? Error);
