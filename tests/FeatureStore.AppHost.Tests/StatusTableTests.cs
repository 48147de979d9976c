using FeatureStore.Launcher.Console;
using FeatureStore.Launcher.Resources;

namespace FeatureStore.AppHost.Tests;

public sealed class StatusTableTests
{
    [Fact]
    public void Resources_are_listed_with_aligned_name_state_and_target_columns()
    {
        var table = StatusTable.Render([new PostgresServerResource("postgres"), new RedisResource("cache")]);

        Assert.Equal(
            """
            RESOURCE  STATE    TARGET
            postgres  Waiting
            cache     Waiting
            """.ReplaceLineEndings(),
            table.ReplaceLineEndings());
    }
}
