using System.Globalization;

namespace FeatureStore.Launcher.Servers;

/// <summary>
/// The server settings both Postgres backends start with (as <c>-c name=value</c> arguments, which win over
/// postgresql.conf and over earlier arguments). Postgres' defaults are sized for a tiny machine: 128 MB of shared
/// buffers, a checkpoint every 1 GB of WAL. A feature store's history and its indexes outgrow that at once, and every
/// batch write then evicts the pages the next one needs, so memory is sized from the machine.
/// </summary>
internal static class PostgresSettings
{
    private const long MiB = 1024 * 1024;

    /// <summary>The settings of <see cref="Settings"/> as server arguments.</summary>
    public static IReadOnlyList<string> Arguments(long memoryBytes, bool ephemeral) =>
        [.. Settings(memoryBytes, ephemeral).SelectMany(s => new[] { "-c", $"{s.Key}={s.Value}" })];

    /// <summary>The settings for a server on a machine with <paramref name="memoryBytes"/> of memory, by name.</summary>
    /// <param name="memoryBytes">The memory the server may use (the machine's, or a container VM's).</param>
    /// <param name="ephemeral">Data thrown away afterwards: no fsync (tests, benchmarks). Otherwise durable, stated
    /// explicitly because the container image's builder turns durability off by default.</param>
    public static IReadOnlyDictionary<string, string> Settings(long memoryBytes, bool ephemeral)
    {
        var memoryMiB = Math.Max(memoryBytes / MiB, 1024);
        // The usual guidance: a quarter of memory for shared buffers (capped, the OS cache does the rest), half of it
        // as the planner's estimate of what is cached.
        var sharedBuffers = Math.Clamp(memoryMiB / 4, 128, 4096);
        var durability = ephemeral ? "off" : "on";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["shared_buffers"] = Megabytes(sharedBuffers),
            ["effective_cache_size"] = Megabytes(memoryMiB / 2),
            // Per sort, hash or materialized step of a query: a write batch's values (thousands of embeddings, parsed)
            // are held once per statement, and 4 MB would spill them to a temporary file.
            ["work_mem"] = Megabytes(Math.Clamp(memoryMiB / 256, 4, 64)),
            // Index builds and vacuum (HNSW builds size their own to the line, per session).
            ["maintenance_work_mem"] = Megabytes(Math.Clamp(memoryMiB / 16, 64, 1024)),
            // Batch loads write gigabytes of WAL: checkpoints by time, not every gigabyte.
            ["max_wal_size"] = "8GB",
            ["checkpoint_timeout"] = "15min",
            ["fsync"] = durability,
            ["synchronous_commit"] = durability,
            ["full_page_writes"] = durability,
        };
    }

    private static string Megabytes(long mebibytes) => mebibytes.ToString(CultureInfo.InvariantCulture) + "MB";

    /// <summary>The memory this process sees (the machine's, or its container limit).</summary>
    public static long MachineMemory() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
}
