using FeatureStore.Launcher.Servers;

namespace FeatureStore.AppHost.Tests;

public sealed class PostgresSettingsTests
{
    private const long GiB = 1024L * 1024 * 1024;

    [Fact]
    public void A_durable_server_says_so_explicitly_because_the_container_builder_defaults_to_no_fsync()
    {
        var settings = PostgresSettings.Settings(24 * GiB, ephemeral: false);

        Assert.Equal("on", settings["fsync"]);
        Assert.Equal("on", settings["synchronous_commit"]);
        Assert.Equal("on", settings["full_page_writes"]);
    }

    [Fact]
    public void An_ephemeral_server_trades_durability_for_speed()
    {
        var settings = PostgresSettings.Settings(24 * GiB, ephemeral: true);

        Assert.Equal("off", settings["fsync"]);
        Assert.Equal("off", settings["synchronous_commit"]);
        Assert.Equal("off", settings["full_page_writes"]);
    }

    [Theory]
    [InlineData(24L, "4096MB", "12288MB", "1024MB", "64MB")] // capped
    [InlineData(8L, "2048MB", "4096MB", "512MB", "32MB")] // a quarter, half, a sixteenth, a 256th
    [InlineData(0L, "256MB", "512MB", "64MB", "4MB")] // memory unknown: sized for 1 GB
    public void Memory_is_sized_from_the_machine(long gibibytes, string sharedBuffers, string effectiveCache, string maintenance, string work)
    {
        var settings = PostgresSettings.Settings(gibibytes * GiB, ephemeral: false);

        Assert.Equal(sharedBuffers, settings["shared_buffers"]);
        Assert.Equal(effectiveCache, settings["effective_cache_size"]);
        Assert.Equal(maintenance, settings["maintenance_work_mem"]);
        Assert.Equal(work, settings["work_mem"]);
        Assert.Equal("8GB", settings["max_wal_size"]);
    }

    [Fact]
    public void Every_setting_is_one_dash_c_argument()
    {
        var arguments = PostgresSettings.Arguments(8 * GiB, ephemeral: false);

        Assert.Equal(0, arguments.Count % 2);
        Assert.All(arguments.Where((_, i) => i % 2 == 0), flag => Assert.Equal("-c", flag));
        Assert.All(arguments.Where((_, i) => i % 2 == 1), setting => Assert.Matches("^[a-z_]+=[0-9A-Za-z]+$", setting));
    }
}
