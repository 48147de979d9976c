using FeatureStore.Launcher.Servers;
using FeatureStore.Testing;

namespace FeatureStore.Postgres.Tests;

/// <summary>The server the launcher starts runs with the settings it was given, not Postgres' small defaults.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ServerSettingsTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_launched_server_has_its_memory_sized_from_the_machine_and_durability_off_for_tests()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("settings");
        var expected = PostgresSettings.Settings(PostgresSettings.MachineMemory(), ephemeral: true);

        var sharedBuffersMiB = await Sql.ScalarAsync<long>(connectionString,
            "SELECT setting::bigint * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'");
        var maxWalMiB = await Sql.ScalarAsync<long>(connectionString, "SELECT setting::bigint FROM pg_settings WHERE name = 'max_wal_size'");
        var fsync = await Sql.ScalarAsync<string>(connectionString, "SELECT setting FROM pg_settings WHERE name = 'fsync'");

        Assert.Equal(expected["shared_buffers"], $"{sharedBuffersMiB}MB");
        Assert.NotEqual("128MB", expected["shared_buffers"]);
        Assert.Equal(8 * 1024, maxWalMiB);
        Assert.Equal("off", fsync);
    }
}
