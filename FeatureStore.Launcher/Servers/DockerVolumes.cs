using System.Security.Cryptography;
using System.Text;

namespace FeatureStore.Launcher.Servers;

/// <summary>
/// Names the Docker volumes of one state directory. The name carries a generation kept in the
/// state directory, so <c>--fresh</c> (which wipes that directory) starts on new, empty volumes.
/// </summary>
internal static class DockerVolumes
{
    public static string NameFor(string stateDirectory, string server)
    {
        var generationFile = Path.Combine(stateDirectory, "docker.generation");
        if (!File.Exists(generationFile))
        {
            Directory.CreateDirectory(stateDirectory);
            File.WriteAllText(generationFile, Guid.NewGuid().ToString("N")[..8]);
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stateDirectory)))[..8].ToLowerInvariant();
        return $"featurestore-{key}-{File.ReadAllText(generationFile).Trim()}-{server}";
    }
}
