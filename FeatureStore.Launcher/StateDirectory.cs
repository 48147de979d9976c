namespace FeatureStore.Launcher;

/// <summary>The launcher's state directory: created on start, wiped by <c>--fresh</c>.</summary>
internal static class StateDirectory
{
    public static void Wipe(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        // Postgres data may live outside when the 'postgres' user cannot reach the state directory.
        var relocated = Path.Combine(path, "postgres.location");
        if (File.Exists(relocated))
        {
            var elsewhere = File.ReadAllText(relocated).Trim();
            if (Directory.Exists(elsewhere))
            {
                Directory.Delete(elsewhere, recursive: true);
            }
        }

        Directory.Delete(path, recursive: true);
    }
}
