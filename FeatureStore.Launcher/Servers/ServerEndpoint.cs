namespace FeatureStore.Launcher.Servers;

/// <summary>Where a started server listens and how to log in; the password never reaches the status table.</summary>
public sealed record ServerEndpoint(string Host, int Port, string? Password, string Description);
