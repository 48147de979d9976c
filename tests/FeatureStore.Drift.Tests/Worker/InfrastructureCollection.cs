using FeatureStore.Testing;

namespace FeatureStore.Drift.Tests.Worker;

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "infrastructure";
}
