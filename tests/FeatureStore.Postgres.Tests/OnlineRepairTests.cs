using System.Text.Json;
using FeatureStore.Core.Registry;
using FeatureStore.Core.Serving;
using FeatureStore.Core.Values;
using FeatureStore.Launcher.Processes;
using FeatureStore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureStore.Postgres.Tests;

/// <summary>A write that reached Postgres but not Redis is copied to Redis once it answers: no value is lost to the online store.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OnlineRepairTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Values_written_while_redis_was_down_reach_it_when_it_answers_again()
    {
        await using var database = await MigratedDatabase.CreateAsync(infrastructure, "repair");
        await database.Services.GetRequiredService<IFeatureRegistry>().ApplyAsync([Definitions.Intent()], "test", CancellationToken.None);
        using var down = MigratedDatabase.BuildHost(database.ConnectionString, $"127.0.0.1:{FreePort.Next()},connectTimeout=300,asyncTimeout=500,syncTimeout=500,connectRetry=0");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await down.Services.GetRequiredService<FeatureWriter>().WriteAsync(
            [new ValueInput("user:test_intent", "u-repair", JsonSerializer.SerializeToElement("pricing"), before)], CancellationToken.None);
        var repairWhileDown = down.Services.GetRequiredService<OnlineRepair>();
        Assert.True(repairWhileDown.IsPending);
        Assert.False(await repairWhileDown.TryRepairAsync(CancellationToken.None));
        Assert.True(repairWhileDown.IsPending);

        // The same process once Redis answers (a second host on the live Redis stands in for the reconnection).
        using var up = MigratedDatabase.BuildHost(database.ConnectionString, infrastructure.Redis.ConnectionString);
        var repair = up.Services.GetRequiredService<OnlineRepair>();
        repair.Missed(before);
        Assert.True(await repair.TryRepairAsync(CancellationToken.None));

        var key = new FeatureKey("user:test_intent", 1, "user", "u-repair");
        var online = await up.Services.GetRequiredService<IOnlineStore>().ReadAsync([key], CancellationToken.None);
        Assert.Equal("\"pricing\"", online[key].Value.GetRawText());
        Assert.False(repair.IsPending);
    }
}
