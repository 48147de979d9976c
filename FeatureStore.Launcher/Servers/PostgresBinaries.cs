namespace FeatureStore.Launcher.Servers;

/// <summary>Finds the PostgreSQL server programs Debian installs under /usr/lib/postgresql/N/bin.</summary>
internal static class PostgresBinaries
{
    public static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("FEATURESTORE_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return HasServer(configured) ? configured
                : throw new LaunchException($"FEATURESTORE_PG_BIN={configured} has no 'postgres' and 'initdb': point it at a PostgreSQL bin directory");
        }

        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: Path.Combine(d, "bin"), Major: int.TryParse(Path.GetFileName(d), out var m) ? m : 0))
                .Where(c => HasServer(c.Dir))
                .OrderByDescending(c => c.Major)
                .Select(c => c.Dir)
                .FirstOrDefault()
            : null;
        return found ?? throw new LaunchException(
            "PostgreSQL server not found (looked in /usr/lib/postgresql/*/bin): run 'bash eng/install-prerequisites.sh', or start Docker");
    }

    private static bool HasServer(string dir) => File.Exists(Path.Combine(dir, "postgres")) && File.Exists(Path.Combine(dir, "initdb"));
}
