using DotNet.Testcontainers.Configurations;

namespace FeatureStore.Launcher.Servers;

/// <summary>Whether a Docker daemon answers; Testcontainers finds no endpoint when none does (about a second).</summary>
public static class DockerAvailability
{
    public static bool IsAvailable()
    {
        try
        {
            return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
