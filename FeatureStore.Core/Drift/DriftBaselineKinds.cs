namespace FeatureStore.Core.Drift;

/// <summary>Where a baseline's values come from.</summary>
public static class DriftBaselineKinds
{
    /// <summary>A reference window of the feature's own history (rolling, or fixed in configuration).</summary>
    public const string Window = "window";

    /// <summary>A sample of the values a training set was exported with (<c>POST /training-sets</c>).</summary>
    public const string TrainingSet = "training_set";
}
