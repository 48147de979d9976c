using FeatureStore.Postgres.Schema;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace FeatureStore.Postgres.Tests;

/// <summary>One owner applies migrations; replicas starting together take turns; readers wait.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SchemaMigratorTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Replicas_migrating_at_once_apply_each_migration_exactly_once()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("race");
        var hosts = Enumerable.Range(0, 4).Select(_ => MigratedDatabase.BuildHost(connectionString, infrastructure.Redis.ConnectionString)).ToList();
        try
        {
            var results = await Task.WhenAll(hosts.Select(h => h.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None)));

            var appliers = results.Where(applied => applied.Count > 0).ToList();
            Assert.Single(appliers);
            Assert.Equal(await Sql.ScalarAsync<int>(connectionString, "SELECT count(*) FROM \"__EFMigrationsHistory\""), appliers[0].Count);
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
        }
    }

    [Fact]
    public async Task Migrating_a_new_database_logs_no_error()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("quiet");
        var logs = new RecordedLogs(LogLevel.Warning);
        using var host = MigratedDatabase.BuildHost(connectionString, infrastructure.Redis.ConnectionString, logs);

        var applied = await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

        Assert.NotEmpty(applied);
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public async Task Migrating_an_up_to_date_schema_changes_nothing()
    {
        await using var database = await MigratedDatabase.CreateAsync(infrastructure, "again");

        var applied = await database.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

        Assert.Empty(applied);
    }

    [Fact]
    public async Task Schema_health_is_unhealthy_until_the_owner_migrates_then_healthy()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("health");
        using var reader = MigratedDatabase.BuildHost(connectionString, infrastructure.Redis.ConnectionString);
        var health = reader.Services.GetRequiredService<HealthCheckService>();

        var before = await health.CheckHealthAsync(c => c.Name == "schema");
        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains("compute service", before.Entries["schema"].Description, StringComparison.Ordinal);

        using var owner = MigratedDatabase.BuildHost(connectionString, infrastructure.Redis.ConnectionString);
        await owner.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

        var after = await health.CheckHealthAsync(c => c.Name == "schema");
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Health_reports_postgres_and_redis_by_name()
    {
        await using var database = await MigratedDatabase.CreateAsync(infrastructure, "deps");

        var report = await database.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["postgres", "redis", "schema"], report.Entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Health_is_unhealthy_when_redis_cannot_be_reached()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("noredis");
        var closedPort = Launcher.Processes.FreePort.Next();
        using var host = MigratedDatabase.BuildHost(connectionString, $"127.0.0.1:{closedPort},connectTimeout=500,syncTimeout=500,asyncTimeout=500,connectRetry=0");

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "redis");

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
    }
}
