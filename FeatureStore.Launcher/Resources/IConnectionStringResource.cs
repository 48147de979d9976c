namespace FeatureStore.Launcher.Resources;

/// <summary>A resource a service references by name: it becomes <c>ConnectionStrings__{Name}</c>.</summary>
public interface IConnectionStringResource
{
    string Name { get; }

    /// <summary>Known once the resource is healthy.</summary>
    string ConnectionString { get; }
}
