namespace FeatureStore.AppHost.Tests;

/// <summary>Tests that start whole stacks run one at a time: two cores cannot host several at once.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StackCollection
{
    public const string Name = "stack";
}
