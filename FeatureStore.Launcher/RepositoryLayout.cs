using System.Reflection;

namespace FeatureStore.Launcher;

/// <summary>
/// Finds the built service assemblies. The AppHost (and the test projects) reference the service
/// projects without using their code, so building either builds them, in the same configuration.
/// </summary>
public static class RepositoryLayout
{
    public const string SolutionFile = "FeatureStore.sln";

    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string ProjectAssembly(string projectName)
    {
        var path = Path.Combine(Root, projectName, "bin", Configuration, "net10.0", projectName + ".dll");
        return File.Exists(path)
            ? path
            : throw new LaunchException($"{projectName} is not built ({path} is missing): run 'dotnet build {SolutionFile}' (or 'dotnet run --project FeatureStore.AppHost', which builds it)");
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new LaunchException($"cannot find {SolutionFile} above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}: run the AppHost from the repository");
    }
}
