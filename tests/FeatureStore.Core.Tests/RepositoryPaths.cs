namespace FeatureStore.Core.Tests;

/// <summary>Finds files of the repository the tests run from (the folder holding FeatureStore.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Features => Path.Combine(Root, "features");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FeatureStore.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no FeatureStore.sln above {AppContext.BaseDirectory}");
    }
}
