namespace FeatureStore.Launcher.Resources;

/// <summary>Where a resource is in its life, as the status table shows it.</summary>
public enum ResourceState
{
    Waiting,
    Starting,
    Running,
    Healthy,
    Unhealthy,
    Exited,
    Restarting,
    Stopping,
    Stopped,
    Failed,
}
