using FeatureStore.AppHost;
using FeatureStore.Launcher;

LauncherOptions options;
try
{
    options = LauncherOptions.Parse(args);
}
catch (LaunchException error)
{
    Console.Error.WriteLine("error: " + error.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(LauncherOptions.Usage);
    return 0;
}

await using var app = FeatureStoreApp.Build(options);
return await app.RunAsync();
