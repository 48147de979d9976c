using FeatureStore.Launcher;

namespace FeatureStore.AppHost.Tests;

public sealed class LauncherOptionsTests
{
    [Fact]
    public void Without_arguments_the_gateway_is_on_5080_and_state_is_in_dot_featurestore()
    {
        var options = LauncherOptions.Parse([]);

        Assert.Equal(5080, options.GatewayPort);
        Assert.False(options.Fresh);
        Assert.False(options.NoDocker);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, ".featurestore"), options.StateDirectory);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = LauncherOptions.Parse(["--gateway-port", "6000", "--fresh", "--no-docker", "--state-dir", "/tmp/fs-state"]);

        Assert.Equal(6000, options.GatewayPort);
        Assert.True(options.Fresh);
        Assert.True(options.NoDocker);
        Assert.Equal("/tmp/fs-state", options.StateDirectory);
    }

    [Theory]
    [InlineData("--gateway-port", "-1")]
    [InlineData("--gateway-port", "70000")]
    [InlineData("--gateway-port", "http")]
    public void A_bad_port_is_refused_with_the_value_named(string option, string value)
    {
        var error = Assert.Throws<LaunchException>(() => LauncherOptions.Parse([option, value]));

        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_without_its_value_is_refused()
    {
        var error = Assert.Throws<LaunchException>(() => LauncherOptions.Parse(["--gateway-port"]));

        Assert.Contains("needs a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_refused_pointing_at_help()
    {
        var error = Assert.Throws<LaunchException>(() => LauncherOptions.Parse(["--gateway"]));

        Assert.Equal("unknown option '--gateway'; run with --help to see the options", error.Message);
    }
}
